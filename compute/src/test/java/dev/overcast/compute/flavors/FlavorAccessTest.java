package dev.overcast.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;

class FlavorAccessTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void flavors() {
        ApiClient admin = server.admin("2.1");
        for (String id : new String[] {"a1", "a2", "a3"}) {
            admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "access-" + id, "id", id, "ram", 512,
                    "vcpus", 1, "disk", 1, "os-flavor-access:is_public", false)));
        }
        admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "access-public", "id", "pub", "ram", 512,
                "vcpus", 1, "disk", 1)));
    }

    private static String message(Reply reply) {
        return reply.json().properties().iterator().next().getValue().get("message").asString();
    }

    private static Map<String, Object> add(String tenant) {
        return Map.of("addTenantAccess", Map.of("tenant", tenant));
    }

    private static Map<String, Object> remove(String tenant) {
        return Map.of("removeTenantAccess", Map.of("tenant", tenant));
    }

    @Test
    void anAdminGivesAndTakesAccessAndTheProjectSeesTheFlavorMeanwhile() {
        ApiClient admin = server.admin("2.1");
        ApiClient member = server.member("u1", "pa", "2.1");
        assertThat(member.get("/v2.1/flavors/a1").status()).isEqualTo(404);
        Reply added = admin.post("/v2.1/flavors/a1/action", add("pa"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().at("/flavor_access/0/flavor_id").asString()).isEqualTo("a1");
        assertThat(added.json().at("/flavor_access/0/tenant_id").asString()).isEqualTo("pa");
        admin.post("/v2.1/flavors/a1/action", add("pb"));
        Reply list = admin.get("/v2.1/flavors/a1/os-flavor-access");
        assertThat(list.json().get("flavor_access")).hasSize(2);
        assertThat(member.get("/v2.1/flavors/a1").status()).isEqualTo(200);
        assertThat(member.get("/v2.1/flavors/detail").json().get("flavors").toString()).contains("access-a1");
        Reply removed = admin.post("/v2.1/flavors/a1/action", remove("pa"));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("flavor_access")).hasSize(1);
        assertThat(member.get("/v2.1/flavors/a1").status()).isEqualTo(404);
    }

    @Test
    void givingAccessTwiceIsA409AndTakingAccessNotGivenA404() {
        ApiClient admin = server.admin("2.1");
        admin.post("/v2.1/flavors/a2/action", add("pc"));
        Reply twice = admin.post("/v2.1/flavors/a2/action", add("pc"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(message(twice)).isEqualTo(
                "Flavor access already exists for flavor a2 and project pc combination.");
        Reply never = admin.post("/v2.1/flavors/a2/action", remove("pz"));
        assertThat(never.status()).isEqualTo(404);
        assertThat(message(never)).isEqualTo("Flavor access not found for a2 / pz combination.");
    }

    @Test
    void aPublicFlavorHasNoAccessListAndFrom27GivingAccessToItIsA409() {
        Reply list = server.admin("2.1").get("/v2.1/flavors/pub/os-flavor-access");
        assertThat(list.status()).isEqualTo(404);
        assertThat(message(list)).isEqualTo("Access list not available for public flavors.");
        assertThat(server.admin("2.6").post("/v2.1/flavors/pub/action", add("pd")).status()).isEqualTo(200);
        Reply at27 = server.admin("2.7").post("/v2.1/flavors/pub/action", add("pe"));
        assertThat(at27.status()).isEqualTo(409);
        assertThat(message(at27)).isEqualTo("Can not add access to a public flavor.");
    }

    @Test
    void onlyAdminsManageAccess() {
        ApiClient member = server.member("u1", "pa", "2.1");
        assertThat(member.get("/v2.1/flavors/a3/os-flavor-access").status()).isEqualTo(403);
        Reply reply = member.post("/v2.1/flavors/a3/action", add("pa"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(message(reply)).contains("os_compute_api:os-flavor-access:add_tenant_access");
        assertThat(member.post("/v2.1/flavors/a3/action", remove("pa")).status()).isEqualTo(403);
    }

    @Test
    void badActionsAre400s() {
        ApiClient admin = server.admin("2.1");
        Reply unknown = admin.post("/v2.1/flavors/a3/action", Map.of("fly", Map.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(message(unknown)).isEqualTo("There is no such action: fly");
        assertThat(admin.post("/v2.1/flavors/a3/action", Map.of("addTenantAccess", Map.of())).status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors/a3/action", Map.of("addTenantAccess", Map.of("tenant", "")))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/flavors/nope/action", add("pa")).status()).isEqualTo(404);
    }
}
