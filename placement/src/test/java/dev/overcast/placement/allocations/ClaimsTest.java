package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.total;
import static dev.overcast.placement.allocations.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.model.ProviderIndex;
import dev.overcast.testkit.ApiClient;

/** The in-process entry point the scheduler uses, checked exactly as the HTTP routes are. */
class ClaimsTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;
    static Claims claims;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
        claims = new Claims(server.service().context());
    }

    @Test
    void aClaimThatFitsIsWrittenAndSeenByTheIndexAndTheApi() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4), "MEMORY_MB", total(2048)));
        String c = consumer();
        assertThat(claims.claim(c, "proj", "user", "INSTANCE", Map.of(rp, Map.of("VCPU", 2L, "MEMORY_MB", 1024L))))
                .isTrue();
        assertThat(server.service().context().index().get(rp).orElseThrow().used("VCPU")).isEqualTo(2);
        var shown = admin.get("/allocations/" + c).json();
        assertThat(shown.get("consumer_type").asString()).isEqualTo("INSTANCE");
        assertThat(shown.get("project_id").asString()).isEqualTo("proj");
        assertThat(shown.get("consumer_generation").asLong()).isEqualTo(1);
    }

    @Test
    void whatDoesNotFitOrDoesNotExistIsFalseAndWritesNothing() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        long generation = Fixtures.generation(admin, rp);
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 5L)))).isFalse();
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("DISK_GB", 1L)))).isFalse();
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("CUSTOM_NONE", 1L)))).isFalse();
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(consumer(), Map.of("VCPU", 1L)))).isFalse();
        assertThat(Fixtures.generation(admin, rp)).isEqualTo(generation);
        assertThat(usage(admin, rp, "VCPU")).isZero();
    }

    @Test
    void aSecondClaimOfTheSameConsumerReplacesTheFirstAndReleaseFreesEverything() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String c = consumer();
        assertThat(claims.claim(c, "p", "u", null, Map.of(rp, Map.of("VCPU", 3L)))).isTrue();
        assertThat(claims.claim(c, "p", "u", null, Map.of(rp, Map.of("VCPU", 4L)))).isTrue();
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(4);
        claims.release(c);
        claims.release(c);
        assertThat(usage(admin, rp, "VCPU")).isZero();
        assertThat(admin.get("/allocations/" + c).json().get("allocations").isEmpty()).isTrue();
    }

    @Test
    void aMoveHandsOneConsumersAllocationsToAnotherOnceAndReplacesOnlyWhenAsked() {
        String source = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String dest = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String server = consumer();
        String migration = consumer();
        assertThat(claims.claim(server, "p", "u", "INSTANCE", Map.of(source, Map.of("VCPU", 1L)))).isTrue();
        assertThat(claims.move(server, migration, "MIGRATION", false)).isTrue();
        assertThat(claims.move(server, migration, "MIGRATION", false)).as("moved already").isFalse();
        var held = admin.get("/allocations/" + migration).json();
        assertThat(held.get("consumer_type").asString()).isEqualTo("MIGRATION");
        assertThat(held.get("project_id").asString()).isEqualTo("p");
        assertThat(held.at("/allocations/" + source + "/resources/VCPU").asLong()).isEqualTo(1);
        assertThat(admin.get("/allocations/" + server).json().get("allocations").isEmpty()).isTrue();

        assertThat(claims.claim(server, "p", "u", "INSTANCE", Map.of(dest, Map.of("VCPU", 2L)))).isTrue();
        assertThat(claims.move(migration, server, "INSTANCE", false)).as("the server holds the destination")
                .isFalse();
        assertThat(claims.move(migration, server, "INSTANCE", true)).isTrue();
        assertThat(usage(admin, source, "VCPU")).isEqualTo(1);
        assertThat(usage(admin, dest, "VCPU")).isZero();
        assertThat(admin.get("/allocations/" + migration).json().get("allocations").isEmpty()).isTrue();
    }

    @Test
    void aClaimIsCheckedAgainstTheDatabaseWhenAnotherProcessMovedTheProviderOnBehindTheIndex() {
        PlacementContext here = server.service().context();
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 2L)))).isTrue();
        // Another Placement process on the same database, with its own index: this one's copy stays behind.
        Claims elsewhere = new Claims(new PlacementContext(here.jdbi(), new ProviderIndex(here.jdbi()), here.policy(),
                here.schemas(), here.clock()));
        assertThat(elsewhere.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 1L)))).isTrue();
        assertThat(here.index().get(rp).orElseThrow().used("VCPU")).as("this index has not seen it").isEqualTo(2);

        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 2L))))
                .as("the index says 2 are free; the database says 1").isFalse();
        assertThat(claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 1L)))).isTrue();
        assertThat(here.index().get(rp).orElseThrow().used("VCPU")).as("caught up when it wrote").isEqualTo(4);
    }

    @Test
    void malformedArgumentsAreTheCallersMistake() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        assertThatThrownBy(() -> claims.claim("nope", "p", "u", null, Map.of(rp, Map.of("VCPU", 1L))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claims.claim(consumer(), "p", "u", null, Map.of(rp, Map.of("VCPU", 0L))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
