package dev.overcast.placement.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.Target;
import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class AggregateMembersRpcTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final Method METHOD = Method.of("aggregate_members", "1.1");
    static Bus bus;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        bus = new InProcessBus(Clock.systemUTC());
        server.service().serveRpc(bus, "placement-test");
        admin = server.admin("latest");
    }

    @AfterAll
    static void stop() {
        bus.close();
    }

    private static String provider() {
        String uuid = UUID.randomUUID().toString();
        assertThat(admin.post("/resource_providers", Map.of("name", "rp-" + uuid, "uuid", uuid)).status())
                .isEqualTo(200);
        return uuid;
    }

    private static AggregateMembersRpc.Reply call(String aggregate, List<String> add, List<String> remove) {
        return bus.call(Target.of("placement"), METHOD, new AggregateMembersRpc.Args(aggregate, add, remove),
                AggregateMembersRpc.Reply.class, Duration.ofSeconds(10));
    }

    private static List<String> aggregatesOf(String provider) {
        JsonNode reply = admin.get("/resource_providers/" + provider + "/aggregates").json();
        List<String> out = new ArrayList<>();
        reply.get("aggregates").forEach(a -> out.add(a.asString()));
        return out;
    }

    private static long generation(String provider) {
        return admin.get("/resource_providers/" + provider).json().get("generation").asLong();
    }

    @Test
    void providersJoinAndLeaveAnAggregateKeepingTheirOtherAggregates() {
        String rp = provider();
        String other = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        assertThat(admin.put("/resource_providers/" + rp + "/aggregates",
                Map.of("aggregates", List.of(other), "resource_provider_generation", 0)).status()).isEqualTo(200);

        assertThat(call(aggregate, List.of(rp), List.of()).unknown()).isEmpty();
        assertThat(aggregatesOf(rp)).containsExactlyInAnyOrder(other, aggregate);
        assertThat(generation(rp)).isEqualTo(2);
        assertThat(server.service().context().index().get(rp).orElseThrow().aggregates()).contains(aggregate);

        // Joining again changes nothing, the generation neither.
        call(aggregate, List.of(rp), List.of());
        assertThat(generation(rp)).isEqualTo(2);

        call(aggregate, List.of(), List.of(rp));
        assertThat(aggregatesOf(rp)).containsExactly(other);
        assertThat(generation(rp)).isEqualTo(3);
        assertThat(server.service().context().index().get(rp).orElseThrow().aggregates()).doesNotContain(aggregate);
    }

    @Test
    void unknownProvidersAreSkippedAndNamed() {
        String rp = provider();
        String ghost = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        assertThat(call(aggregate, List.of(rp, ghost), List.of()).unknown()).containsExactly(ghost);
        assertThat(aggregatesOf(rp)).containsExactly(aggregate);
    }

    @Test
    void candidatesAskingForTheAggregateFindItsMembers() {
        String rp = provider();
        assertThat(admin.put("/resource_providers/" + rp + "/inventories", Map.of("inventories",
                Map.of("VCPU", Map.of("total", 8)), "resource_provider_generation", 0)).status()).isEqualTo(200);
        String aggregate = UUID.randomUUID().toString();
        call(aggregate, List.of(rp), List.of());
        JsonNode candidates = admin.get("/allocation_candidates?resources=VCPU:1&member_of=" + aggregate).json();
        assertThat(candidates.get("allocation_requests").size()).isEqualTo(1);
    }
}
