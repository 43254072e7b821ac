package dev.overcast.placement.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

class ProviderApiTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
    }

    static String create(String name, String parent) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name));
        if (parent != null) {
            body.put("parent_provider_uuid", parent);
        }
        var reply = admin.post("/resource_providers", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("uuid").asString();
    }

    @Test
    void aProviderIsCreatedShownAndDeleted() {
        String uuid = UUID.randomUUID().toString();
        var created = admin.post("/resource_providers", Map.of("name", "cn-" + uuid, "uuid", uuid));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("generation").asLong()).isZero();
        assertThat(created.json().get("root_provider_uuid").asString()).isEqualTo(uuid);
        assertThat(created.header("Location")).isEqualTo(server.client().baseUrl() + "/resource_providers/" + uuid);

        var shown = admin.get("/resource_providers/" + uuid);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("name").asString()).isEqualTo("cn-" + uuid);
        assertThat(shown.json().get("links")).hasSize(6);
        assertThat(shown.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(shown.header("Last-Modified")).isNotBlank();

        assertThat(admin.delete("/resource_providers/" + uuid).status()).isEqualTo(204);
        var gone = admin.get("/resource_providers/" + uuid);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/errors/0/detail").asString()).contains("No resource provider with uuid " + uuid);
    }

    @Test
    void beforeMicroversion120CreateAnswers201WithOnlyALocation() {
        var reply = server.admin("1.19").post("/resource_providers", Map.of("name", "old-" + UUID.randomUUID()));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).startsWith(server.client().baseUrl() + "/resource_providers/");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aDuplicateNameIsAConflictWithItsCode() {
        String name = "dup-" + UUID.randomUUID();
        create(name, null);
        var reply = admin.post("/resource_providers", Map.of("name", name));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/errors/0/code").asString()).isEqualTo("placement.duplicate_name");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertThat(admin.post("/resource_providers", Map.of("name", "x", "colour", "red")).status()).isEqualTo(400);
        assertThat(admin.post("/resource_providers", Map.of("uuid", UUID.randomUUID().toString())).status())
                .isEqualTo(400);
        var noParentBefore114 = server.admin("1.13").post("/resource_providers",
                Map.of("name", "p-" + UUID.randomUUID(), "parent_provider_uuid", UUID.randomUUID().toString()));
        assertThat(noParentBefore114.status()).isEqualTo(400);
        var missingParent = admin.post("/resource_providers",
                Map.of("name", "p-" + UUID.randomUUID(), "parent_provider_uuid", UUID.randomUUID().toString()));
        assertThat(missingParent.status()).isEqualTo(400);
        assertThat(missingParent.body()).contains("parent provider UUID does not exist.");
    }

    @Test
    void childrenShareTheirRootAndAParentWithChildrenCannotBeDeleted() {
        String root = create("root-" + UUID.randomUUID(), null);
        String child = create("child-" + UUID.randomUUID(), root);
        String grandchild = create("grandchild-" + UUID.randomUUID(), child);
        assertThat(admin.get("/resource_providers/" + grandchild).json().get("root_provider_uuid").asString())
                .isEqualTo(root);
        var refused = admin.delete("/resource_providers/" + root);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/code").asString())
                .isEqualTo("placement.resource_provider.cannot_delete_parent");
    }

    @Test
    void from137AProviderMovesWithItsSubtreeButNeverUnderItself() {
        String a = create("a-" + UUID.randomUUID(), null);
        String b = create("b-" + UUID.randomUUID(), a);
        String c = create("c-" + UUID.randomUUID(), b);
        String other = create("other-" + UUID.randomUUID(), null);
        String bName = admin.get("/resource_providers/" + b).json().get("name").asString();

        var loop = admin.put("/resource_providers/" + b, Map.of("name", bName, "parent_provider_uuid", c));
        assertThat(loop.status()).isEqualTo(400);
        assertThat(loop.body()).contains("creating loop in the provider tree is not allowed.");
        var before137 = server.admin("1.36").put("/resource_providers/" + b,
                Map.of("name", bName, "parent_provider_uuid", other));
        assertThat(before137.status()).isEqualTo(400);

        var moved = admin.put("/resource_providers/" + b, Map.of("name", bName, "parent_provider_uuid", other));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(admin.get("/resource_providers/" + c).json().get("root_provider_uuid").asString()).isEqualTo(other);
        var unparented = admin.put("/resource_providers/" + b,
                new java.util.HashMap<>(Map.of("name", bName)) {{ put("parent_provider_uuid", null); }});
        assertThat(unparented.status()).isEqualTo(200);
        assertThat(unparented.json().get("root_provider_uuid").asString()).isEqualTo(b);
        assertThat(admin.get("/resource_providers/" + c).json().get("root_provider_uuid").asString()).isEqualTo(b);
    }

    @Test
    void inventoriesAreReplacedWithDefaultsAndGuardedByTheGeneration() {
        String uuid = create("inv-" + UUID.randomUUID(), null);
        var put = admin.put("/resource_providers/" + uuid + "/inventories", Map.of("resource_provider_generation", 0,
                "inventories", Map.of("VCPU", Map.of("total", 8, "allocation_ratio", 16.0),
                        "MEMORY_MB", Map.of("total", 4096, "reserved", 512))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("resource_provider_generation").asLong()).isEqualTo(1);
        assertThat(put.json().at("/inventories/MEMORY_MB/max_unit").asLong()).isEqualTo(2147483647L);
        assertThat(put.json().at("/inventories/VCPU/allocation_ratio").asDouble()).isEqualTo(16.0);

        var stale = admin.put("/resource_providers/" + uuid + "/inventories", Map.of("resource_provider_generation", 0,
                "inventories", Map.of()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/errors/0/code").asString()).isEqualTo("placement.concurrent_update");

        var one = admin.get("/resource_providers/" + uuid + "/inventories/VCPU");
        assertThat(one.json().get("total").asLong()).isEqualTo(8);
        assertThat(one.json().get("resource_provider_generation").asLong()).isEqualTo(1);

        var updated = admin.put("/resource_providers/" + uuid + "/inventories/VCPU",
                Map.of("resource_provider_generation", 1, "total", 16));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("resource_provider_generation").asLong()).isEqualTo(2);

        var created = admin.post("/resource_providers/" + uuid + "/inventories",
                Map.of("resource_provider_generation", 2, "resource_class", "DISK_GB", "total", 100));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/inventories/DISK_GB");

        assertThat(admin.delete("/resource_providers/" + uuid + "/inventories/DISK_GB").status()).isEqualTo(204);
        assertThat(admin.delete("/resource_providers/" + uuid + "/inventories/DISK_GB").status()).isEqualTo(404);
        assertThat(admin.delete("/resource_providers/" + uuid + "/inventories").status()).isEqualTo(204);
        assertThat(admin.get("/resource_providers/" + uuid + "/inventories").json().get("inventories")).isEmpty();
    }

    @Test
    void reservedMayEqualTotalOnlyFrom126AndUnknownClassesAre400() {
        String uuid = create("res-" + UUID.randomUUID(), null);
        var before = server.admin("1.25").put("/resource_providers/" + uuid + "/inventories",
                Map.of("resource_provider_generation", 0, "inventories", Map.of("VCPU", Map.of("total", 4, "reserved", 4))));
        assertThat(before.status()).isEqualTo(400);
        var after = admin.put("/resource_providers/" + uuid + "/inventories",
                Map.of("resource_provider_generation", 0, "inventories", Map.of("VCPU", Map.of("total", 4, "reserved", 4))));
        assertThat(after.status()).isEqualTo(200);
        var unknown = admin.put("/resource_providers/" + uuid + "/inventories",
                Map.of("resource_provider_generation", 1, "inventories", Map.of("CUSTOM_NOPE", Map.of("total", 4))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown resource class");
        assertThat(admin.get("/resource_providers/" + uuid).json().get("generation").asLong()).isEqualTo(1);
    }

    @Test
    void deletingAllInventoriesDoesNotExistBefore15AndNonAdminsAreRefused() {
        String uuid = create("old-" + UUID.randomUUID(), null);
        assertThat(server.admin("1.4").delete("/resource_providers/" + uuid + "/inventories").status()).isEqualTo(405);
        assertThat(server.member("u", "p", "1.39").get("/resource_providers/" + uuid).status()).isEqualTo(403);
        assertThat(server.service("1.39").get("/resource_providers/" + uuid).status()).isEqualTo(200);
        assertThat(server.client().get("/resource_providers/" + uuid).status()).isEqualTo(401);
    }
}
