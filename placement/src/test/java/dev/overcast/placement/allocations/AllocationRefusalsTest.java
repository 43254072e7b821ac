package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.code;
import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.detail;
import static dev.overcast.placement.allocations.Fixtures.dictWithGeneration;
import static dev.overcast.placement.allocations.Fixtures.generation;
import static dev.overcast.placement.allocations.Fixtures.inventory;
import static dev.overcast.placement.allocations.Fixtures.total;
import static dev.overcast.placement.allocations.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/** What a claim refuses, with upstream's status, code and words, and that nothing is written then. */
class AllocationRefusalsTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.37");
    }

    static ApiClient.Reply put(String consumer, Map<String, Map<String, Object>> allocations) {
        return admin.put("/allocations/" + consumer, dictWithGeneration(allocations, null));
    }

    @Test
    void anAllocationOnAProviderThatDoesNotExistIs400() {
        String nowhere = consumer();
        var reply = put(consumer(), Map.of(nowhere, Map.of("VCPU", 1)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).isEqualTo("Allocation for resource provider '" + nowhere + "' that does not exist.");
    }

    @Test
    void anUnknownResourceClassIs400WordedForTheRoute() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String c = consumer();
        var reply = put(c, Map.of(rp, Map.of("CUSTOM_NOPE", 1)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).isEqualTo("Unable to allocate inventory for consumer " + c
                + ": No such resource class CUSTOM_NOPE.");

        var post = admin.post("/allocations", Map.of(c, dictWithGeneration(Map.of(rp, Map.of("CUSTOM_NOPE", 1)), null)));
        assertThat(post.status()).isEqualTo(400);
        assertThat(detail(post)).isEqualTo("Unable to allocate inventory No such resource class CUSTOM_NOPE.");
    }

    @Test
    void aResourceClassNamedWronglyOrAnAmountBelowOneIsASchemaError() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        for (Map<String, Object> resources : java.util.List.<Map<String, Object>>of(Map.of("vcpu", 1),
                Map.of("VCPU", 0), Map.of("VCPU", -1), Map.of("VCPU", 1.5), Map.of())) {
            var reply = put(consumer(), Map.of(rp, resources));
            assertThat(reply.status()).as(resources.toString()).isEqualTo(400);
            assertThat(detail(reply)).startsWith("JSON does not validate");
        }
        var notUuid = put(consumer(), Map.of("nice_house_friend", Map.of("VCPU", 1)));
        assertThat(notUuid.status()).isEqualTo(400);
    }

    @Test
    void aProviderWithoutInventoryOfTheClassIs409() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        var reply = put(consumer(), Map.of(rp, Map.of("DISK_GB", 1)));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(code(reply)).isEqualTo("placement.undefined_code");
        assertThat(detail(reply)).isEqualTo("Unable to allocate inventory: Inventory for 'DISK_GB' on resource provider '"
                + rp + "' invalid.");

        Map<String, Object> both = new LinkedHashMap<>();
        both.put("VCPU", 1);
        both.put("DISK_GB", 1);
        var partly = put(consumer(), Map.of(rp, both));
        assertThat(detail(partly)).isEqualTo("Unable to allocate inventory: Inventory for 'DISK_GB' on resource provider '"
                + rp + "' invalid.");
    }

    @Test
    void minUnitMaxUnitAndStepSizeAreInventoryConstraints() {
        String rp = Fixtures.provider(admin, Map.of("DISK_GB", inventory(1000, 0, 10, 500, 10, 1.0)));
        for (int amount : new int[] {5, 510, 25}) {
            var reply = put(consumer(), Map.of(rp, Map.of("DISK_GB", amount)));
            assertThat(reply.status()).as("amount " + amount).isEqualTo(409);
            assertThat(detail(reply)).isEqualTo("Unable to allocate inventory: Unable to create allocation for 'DISK_GB' "
                    + "on resource provider '" + rp + "'. The requested amount would violate inventory constraints.");
        }
        assertThat(put(consumer(), Map.of(rp, Map.of("DISK_GB", 500))).status()).isEqualTo(204);
    }

    @Test
    void capacityIsTotalLessReservedTimesTheAllocationRatio() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", inventory(10, 2, 1, 100, 1, 1.5)));
        assertThat(put(consumer(), Map.of(rp, Map.of("VCPU", 12))).status()).isEqualTo(204);
        var full = put(consumer(), Map.of(rp, Map.of("VCPU", 1)));
        assertThat(full.status()).isEqualTo(409);
        assertThat(code(full)).isEqualTo("placement.undefined_code");
        assertThat(detail(full)).isEqualTo("Unable to allocate inventory: Unable to create allocation for 'VCPU' on "
                + "resource provider '" + rp + "'. The requested amount would exceed the capacity.");
    }

    @Test
    void replacingAConsumersAllocationsFreesItsOldOnesFirst() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String c = consumer();
        assertThat(put(c, Map.of(rp, Map.of("VCPU", 3))).status()).isEqualTo(204);
        var grow = admin.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 4)), 1L));
        assertThat(grow.status()).as(grow.body()).isEqualTo(204);
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(4);
        assertThat(put(consumer(), Map.of(rp, Map.of("VCPU", 1))).status()).isEqualTo(409);
    }

    @Test
    void twoConsumersInOnePostCountTogetherAndAFailureWritesNothing() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String other = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String holder = consumer();
        assertThat(put(holder, Map.of(other, Map.of("VCPU", 2))).status()).isEqualTo(204);
        long rpGeneration = generation(admin, rp);
        long otherGeneration = generation(admin, other);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put(consumer(), dictWithGeneration(Map.of(rp, Map.of("VCPU", 3)), null));
        body.put(holder, dictWithGeneration(Map.of(), 1L));
        body.put(consumer(), dictWithGeneration(Map.of(rp, Map.of("VCPU", 2)), null));
        var reply = admin.post("/allocations", body);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(detail(reply)).contains("would exceed the capacity");

        assertThat(usage(admin, rp, "VCPU")).isZero();
        assertThat(usage(admin, other, "VCPU")).as("the holder kept its allocations").isEqualTo(2);
        assertThat(generation(admin, rp)).isEqualTo(rpGeneration);
        assertThat(generation(admin, other)).isEqualTo(otherGeneration);
        assertThat(admin.get("/allocations/" + holder).json().get("consumer_generation").asLong()).isEqualTo(1);
    }

    @Test
    void putChecksProvidersBeforeTheConsumerGenerationAndPostTheOtherWayRound() {
        String nowhere = consumer();
        String c = consumer();
        var put = admin.put("/allocations/" + c, dictWithGeneration(Map.of(nowhere, Map.of("VCPU", 1)), 7L));
        assertThat(put.status()).isEqualTo(400);
        var post = admin.post("/allocations", Map.of(c, dictWithGeneration(Map.of(nowhere, Map.of("VCPU", 1)), 7L)));
        assertThat(post.status()).isEqualTo(409);
        assertThat(detail(post)).isEqualTo("consumer generation conflict - expected null but got 7");
    }
}
