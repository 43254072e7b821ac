package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.PROJECT;
import static dev.overcast.placement.allocations.Fixtures.USER;
import static dev.overcast.placement.allocations.Fixtures.code;
import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.detail;
import static dev.overcast.placement.allocations.Fixtures.generation;
import static dev.overcast.placement.allocations.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/**
 * {@code POST /reshaper}: a compute node's VCPU inventory and the allocations against it move
 * to a new child provider in one request, as upstream's functional tests do it.
 */
class ReshaperTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    /** Per test: a root with VCPU and DISK_GB, three consumers on it, and an empty child. */
    String root;
    String child;
    String disk;
    String cpu;
    String both;

    static final Map<String, Object> DISK = Map.of("total", 2048, "step_size", 10, "min_unit", 10, "max_unit", 1200);
    static final Map<String, Object> VCPU = Map.of("total", 10, "max_unit", 8);

    @BeforeAll
    static void start() {
        admin = server.admin("1.30");
    }

    @BeforeEach
    void computeNodeWithAllocations() {
        root = Fixtures.provider(admin, Map.of("VCPU", VCPU, "DISK_GB", DISK));
        child = Fixtures.provider(admin, Map.of(), root);
        disk = consumer();
        cpu = consumer();
        both = consumer();
        put(disk, Map.of(root, Map.of("DISK_GB", 1000)));
        put(cpu, Map.of(root, Map.of("VCPU", 8)));
        put(both, Map.of(root, Map.of("DISK_GB", 20, "VCPU", 1)));
    }

    static void put(String consumer, Map<String, Map<String, Object>> allocations) {
        var reply = admin.put("/allocations/" + consumer, Fixtures.dictWithGeneration(allocations, null));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    static Map<String, Object> inventories(long generation, Map<String, Object> inventories) {
        return Map.of("resource_provider_generation", generation, "inventories", inventories);
    }

    static Map<String, Object> consumerEntry(Map<String, Map<String, Object>> allocations, Long generation) {
        return Fixtures.dictWithGeneration(allocations, generation);
    }

    /** The body that moves VCPU (inventory and allocations) from the root to the child. */
    Map<String, Object> moveVcpuToChild(long rootGeneration, long childGeneration) {
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put(root, inventories(rootGeneration, Map.of("DISK_GB", DISK)));
        inv.put(child, inventories(childGeneration, Map.of("VCPU", VCPU)));
        Map<String, Object> allocations = new LinkedHashMap<>();
        allocations.put(disk, consumerEntry(Map.of(root, Map.of("DISK_GB", 1000)), 1L));
        allocations.put(cpu, consumerEntry(Map.of(child, Map.of("VCPU", 8)), 1L));
        Map<String, Map<String, Object>> split = new LinkedHashMap<>();
        split.put(root, Map.of("DISK_GB", 20));
        split.put(child, Map.of("VCPU", 1));
        allocations.put(both, consumerEntry(split, 1L));
        return Map.of("inventories", inv, "allocations", allocations);
    }

    @Test
    void theReshaperIsPostOnlyAndStartsAt130() {
        assertThat(admin.get("/reshaper").status()).isEqualTo(405);
        assertThat(server.admin("1.29").post("/reshaper", Map.of()).status()).isEqualTo(404);
        assertThat(server.member("u", PROJECT, "1.30").post("/reshaper", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aBodyThatIsNotAReshapeIs400() {
        var cows = admin.post("/reshaper", Map.of("cows", "moo"));
        assertThat(cows.status()).isEqualTo(400);
        assertThat(detail(cows)).startsWith("JSON does not validate");
        var noAllocations = admin.post("/reshaper", Map.of("inventories",
                Map.of(root, inventories(generation(admin, root), Map.of("VCPU", Map.of("total", 1))))));
        assertThat(noAllocations.status()).isEqualTo(400);
        var badField = admin.post("/reshaper", Map.of("inventories", Map.of(root, inventories(0,
                Map.of("VCPU", Map.of("total", 1, "bad_field", "moo")))), "allocations", Map.of()));
        assertThat(badField.status()).isEqualTo(400);
    }

    @Test
    void movingVcpuInventoryAndItsAllocationsToAChildHappensAtOnce() {
        long rootBefore = generation(admin, root);
        long childBefore = generation(admin, child);
        var reply = admin.post("/reshaper", moveVcpuToChild(rootBefore, childBefore));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);

        var rootUsages = admin.get("/resource_providers/" + root + "/usages").json();
        assertThat(rootUsages.get("usages")).isEqualTo(Json.parse("{\"DISK_GB\": 1020}"));
        var childUsages = admin.get("/resource_providers/" + child + "/usages").json();
        assertThat(childUsages.get("usages")).isEqualTo(Json.parse("{\"VCPU\": 9}"));
        // As upstream: the union inventory, the allocations and the final inventory each bump.
        assertThat(rootUsages.get("resource_provider_generation").asLong()).isEqualTo(rootBefore + 3);
        assertThat(childUsages.get("resource_provider_generation").asLong()).isEqualTo(childBefore + 3);
        assertThat(server.admin("1.28").get("/allocations/" + both).json().get("consumer_generation").asLong())
                .isEqualTo(2);
        assertThat(admin.get("/resource_providers/" + root + "/inventories").json().get("inventories").has("VCPU"))
                .isFalse();
    }

    @Test
    void movingEverythingBackEmptiesTheChildAndNewConsumersMayTakeOver() {
        admin.post("/reshaper", moveVcpuToChild(generation(admin, root), generation(admin, child)));
        long rootBefore = generation(admin, root);
        long childBefore = generation(admin, child);
        String newcomer = consumer();
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put(root, inventories(rootBefore, Map.of("DISK_GB", DISK, "VCPU", VCPU)));
        inv.put(child, inventories(childBefore, Map.of()));
        Map<String, Object> allocations = new LinkedHashMap<>();
        allocations.put(newcomer, consumerEntry(Map.of(root, Map.of("VCPU", 8)), null));
        allocations.put(cpu, consumerEntry(Map.of(), 2L));
        allocations.put(both, consumerEntry(Map.of(root, Map.of("DISK_GB", 20, "VCPU", 1)), 2L));
        var reply = admin.post("/reshaper", Map.of("inventories", inv, "allocations", allocations));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);

        assertThat(admin.get("/resource_providers/" + root + "/usages").json().get("usages"))
                .isEqualTo(Json.parse("{\"DISK_GB\": 1020, \"VCPU\": 9}"));
        var childUsages = admin.get("/resource_providers/" + child + "/usages").json();
        assertThat(childUsages.get("usages").isEmpty()).isTrue();
        assertThat(generation(admin, root)).isEqualTo(rootBefore + 3);
        assertThat(childUsages.get("resource_provider_generation").asLong())
                .as("no union step for an empty inventory").isEqualTo(childBefore + 2);
        assertThat(admin.get("/allocations/" + cpu).json().get("allocations").isEmpty()).isTrue();
    }

    @Test
    void anInventoryThatStillHasAllocationsCannotGo() {
        long rootBefore = generation(admin, root);
        var reply = admin.post("/reshaper", Map.of("inventories",
                Map.of(root, inventories(rootBefore, Map.of("DISK_GB", DISK))), "allocations", Map.of()));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(code(reply)).isEqualTo("placement.inventory.inuse");
        assertThat(detail(reply)).isEqualTo("update conflict: Inventory for 'VCPU' on resource provider '" + root
                + "' in use.");
        assertThat(generation(admin, root)).isEqualTo(rootBefore);
    }

    @Test
    void aStaleProviderGenerationIsAConflictNamingBoth() {
        long rootBefore = generation(admin, root);
        var reply = admin.post("/reshaper", moveVcpuToChild(rootBefore - 1, generation(admin, child)));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(code(reply)).isEqualTo("placement.concurrent_update");
        assertThat(detail(reply)).isEqualTo("resource provider generation conflict for provider " + root
                + ": actual: " + rootBefore + ", given: " + (rootBefore - 1));
    }

    @Test
    void anInventoryProviderThatDoesNotExistIs400WithItsCode() {
        String nowhere = consumer();
        var reply = admin.post("/reshaper", Map.of("inventories",
                Map.of(nowhere, inventories(0, Map.of("VCPU", VCPU))), "allocations", Map.of()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("placement.resource_provider.not_found");
        assertThat(detail(reply)).startsWith("Resource provider " + nowhere + " in inventories not found");
    }

    @Test
    void aStaleConsumerGenerationOrAnUnknownClassOrABrokenMaxUnitRefusesTheWholeReshape() {
        long rootBefore = generation(admin, root);
        long childBefore = generation(admin, child);

        Map<String, Object> staleConsumer = moveVcpuToChild(rootBefore, childBefore);
        @SuppressWarnings("unchecked")
        Map<String, Object> allocations = new LinkedHashMap<>((Map<String, Object>) staleConsumer.get("allocations"));
        allocations.put(consumer(), consumerEntry(Map.of(root, Map.of("DISK_GB", 10)), 99L));
        var stale = admin.post("/reshaper", Map.of("inventories", staleConsumer.get("inventories"),
                "allocations", allocations));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(detail(stale)).startsWith("consumer generation conflict");

        var steel = admin.post("/reshaper", Map.of("inventories", Map.of(root, inventories(rootBefore,
                Map.of("DISK_OF_STEEL", DISK))), "allocations", Map.of()));
        assertThat(steel.status()).isEqualTo(400);
        assertThat(detail(steel)).isEqualTo("malformed reshaper data: No such resource class DISK_OF_STEEL.");

        Map<String, Object> tooBig = moveVcpuToChild(rootBefore, childBefore);
        @SuppressWarnings("unchecked")
        Map<String, Object> inv = new LinkedHashMap<>((Map<String, Object>) tooBig.get("inventories"));
        inv.put(root, inventories(rootBefore, Map.of("DISK_GB", Map.of("total", 2048, "step_size", 10,
                "min_unit", 10, "max_unit", 600))));
        var maxUnit = admin.post("/reshaper", Map.of("inventories", inv, "allocations", tooBig.get("allocations")));
        assertThat(maxUnit.status()).isEqualTo(409);
        assertThat(detail(maxUnit)).startsWith("Unable to allocate inventory: ")
                .contains("would violate inventory constraints");

        assertThat(generation(admin, root)).isEqualTo(rootBefore);
        assertThat(generation(admin, child)).isEqualTo(childBefore);
        assertThat(usage(admin, root, "VCPU")).isEqualTo(9);
        assertThat(admin.post("/reshaper", moveVcpuToChild(rootBefore, childBefore)).status())
                .as("nothing of the refused reshapes was kept").isEqualTo(204);
    }

    @Test
    void allocationsMustFitTheNewInventory() {
        long rootBefore = generation(admin, root);
        var reply = admin.post("/reshaper", Map.of(
                "inventories", Map.of(root, inventories(rootBefore, Map.of("VCPU", Map.of("total", 1),
                        "DISK_GB", DISK))),
                "allocations", Map.of(consumer(), consumerEntry(Map.of(root, Map.of("VCPU", 1)), null))));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(detail(reply)).startsWith("Unable to allocate inventory");
    }

    @Test
    void from134MappingsAndFrom138ConsumerTypesAsInAllocations() {
        Map<String, Object> mapped = Map.of("inventories", Map.of(root, inventories(generation(admin, root),
                        Map.of("VCPU", VCPU, "DISK_GB", DISK))),
                "allocations", Map.of(disk, Fixtures.dictWithGeneration(Map.of(root, Map.of("DISK_GB", 1000)), 1L,
                        "mappings", Map.of("", List.of(root)))));
        assertThat(server.admin("1.33").post("/reshaper", mapped).status()).isEqualTo(400);
        assertThat(server.admin("1.34").post("/reshaper", mapped).status()).isEqualTo(204);

        String reshaped = consumer();
        Map<String, Object> typed = Map.of("inventories", Map.of(root, inventories(generation(admin, root),
                        Map.of("VCPU", VCPU, "DISK_GB", DISK))),
                "allocations", Map.of(reshaped, Fixtures.dictWithGeneration(Map.of(root, Map.of("DISK_GB", 10)), null,
                        "consumer_type", "RESHAPED")));
        assertThat(server.admin("1.37").post("/reshaper", typed).status()).isEqualTo(400);
        assertThat(server.admin("1.38").post("/reshaper", typed).status()).isEqualTo(204);
        var shown = server.admin("1.38").get("/allocations/" + reshaped).json();
        assertThat(shown.get("consumer_type").asString()).isEqualTo("RESHAPED");
        assertThat(shown.get("project_id").asString()).isEqualTo(PROJECT);
        assertThat(shown.get("user_id").asString()).isEqualTo(USER);
    }
}
