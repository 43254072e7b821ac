package dev.overcast.compute.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class QuotaSetApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private final Workload work = new Workload(server.context());

    private static String message(Reply reply) {
        return reply.json().properties().iterator().next().getValue().get("message").asString();
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void aProjectWithoutLimitsHasNovasDefaultsIncludingTheNetworkOnesBefore236() {
        Reply reply = server.reader("u", "fresh", "2.1").get("/v2.1/os-quota-sets/fresh");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode q = reply.json().get("quota_set");
        assertThat(q.get("id").asString()).isEqualTo("fresh");
        assertThat(q.get("instances").asLong()).isEqualTo(10);
        assertThat(q.get("cores").asLong()).isEqualTo(20);
        assertThat(q.get("ram").asLong()).isEqualTo(51200);
        assertThat(q.get("metadata_items").asLong()).isEqualTo(128);
        assertThat(q.get("key_pairs").asLong()).isEqualTo(100);
        assertThat(q.get("server_groups").asLong()).isEqualTo(10);
        assertThat(q.get("server_group_members").asLong()).isEqualTo(10);
        assertThat(q.get("injected_files").asLong()).isEqualTo(5);
        assertThat(q.get("injected_file_content_bytes").asLong()).isEqualTo(10240);
        assertThat(q.get("injected_file_path_bytes").asLong()).isEqualTo(255);
        assertThat(q.get("fixed_ips").asLong()).isEqualTo(-1);
        assertThat(q.get("floating_ips").asLong()).isEqualTo(10);
        assertThat(q.get("security_groups").asLong()).isEqualTo(10);
        assertThat(q.get("security_group_rules").asLong()).isEqualTo(20);
        assertThat(q.has("networks")).isFalse();
    }

    @Test
    void from236TheNetworkQuotasAreGoneAndFrom257ThePersonalityOnes() {
        JsonNode at236 = server.reader("u", "fresh", "2.36").get("/v2.1/os-quota-sets/fresh").json().get("quota_set");
        assertThat(keys(at236)).doesNotContain("fixed_ips", "floating_ips", "security_groups", "security_group_rules")
                .contains("injected_files");
        JsonNode at257 = server.reader("u", "fresh", "2.57").get("/v2.1/os-quota-sets/fresh").json().get("quota_set");
        assertThat(keys(at257)).containsExactlyInAnyOrder("id", "instances", "cores", "ram", "metadata_items",
                "key_pairs", "server_groups", "server_group_members");
    }

    @Test
    void readersSeeTheirOwnProjectsQuotasOnlyAndAdminsAnyones() {
        assertThat(server.reader("u", "mine", "2.1").get("/v2.1/os-quota-sets/mine").status()).isEqualTo(200);
        Reply other = server.member("u", "mine", "2.1").get("/v2.1/os-quota-sets/theirs");
        assertThat(other.status()).isEqualTo(403);
        assertThat(message(other)).isEqualTo("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        assertThat(server.member("u", "mine", "2.1").get("/v2.1/os-quota-sets/theirs/detail").status()).isEqualTo(403);
        assertThat(server.admin("2.1").get("/v2.1/os-quota-sets/theirs").status()).isEqualTo(200);
        assertThat(server.admin("2.1").get("/v2.1/os-quota-sets/theirs/detail").status()).isEqualTo(200);
    }

    @Test
    void anyoneSeesTheDefaults() {
        Reply reply = server.member("u", "mine", "2.1").get("/v2.1/os-quota-sets/anything/defaults");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/quota_set/id").asString()).isEqualTo("anything");
        assertThat(reply.json().at("/quota_set/instances").asLong()).isEqualTo(10);
    }

    @Test
    void theDetailShowsWhatIsInUseCountedAcrossCellsAndBuildRequests() {
        work.instance("cell1", "used", "alice", 2, 2048);
        work.instance("cell2", "used", "bob", 4, 4096);
        work.instance("cell2", "used", "bob", 8, 8192, true);
        work.building("used", "alice", 1, 512);
        JsonNode q = server.reader("alice", "used", "2.1").get("/v2.1/os-quota-sets/used/detail").json()
                .get("quota_set");
        assertThat(q.at("/instances/in_use").asLong()).isEqualTo(3);
        assertThat(q.at("/instances/limit").asLong()).isEqualTo(10);
        assertThat(q.at("/instances/reserved").asLong()).isZero();
        assertThat(q.at("/cores/in_use").asLong()).isEqualTo(7);
        assertThat(q.at("/ram/in_use").asLong()).isEqualTo(6656);
        assertThat(q.at("/key_pairs/in_use").asLong()).isZero();
        assertThat(q.at("/server_groups/in_use").asLong()).isZero();
        assertThat(q.at("/fixed_ips/limit").asLong()).isEqualTo(-1);
        JsonNode alice = server.reader("alice", "used", "2.1").get("/v2.1/os-quota-sets/used/detail?user_id=alice")
                .json().get("quota_set");
        assertThat(alice.at("/instances/in_use").asLong()).isEqualTo(2);
        assertThat(alice.at("/cores/in_use").asLong()).isEqualTo(3);
    }

    @Test
    void anAdminSetsAProjectsLimitsAndTheAnswerHasNoId() {
        ApiClient admin = server.admin("2.1");
        Reply reply = admin.put("/v2.1/os-quota-sets/setme", Map.of("quota_set", Map.of("instances", 50,
                "cores", "100")));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode q = reply.json().get("quota_set");
        assertThat(q.has("id")).isFalse();
        assertThat(q.get("instances").asLong()).isEqualTo(50);
        assertThat(q.get("cores").asLong()).isEqualTo(100);
        assertThat(q.get("ram").asLong()).isEqualTo(51200);
        assertThat(admin.get("/v2.1/os-quota-sets/setme").json().at("/quota_set/instances").asLong()).isEqualTo(50);
        assertThat(admin.put("/v2.1/os-quota-sets/setme", Map.of("quota_set", Map.of("instances", 60))).json()
                .at("/quota_set/instances").asLong()).isEqualTo(60);
    }

    @Test
    void membersMayNotSetOrResetLimits() {
        ApiClient member = server.member("u", "self", "2.1");
        Reply put = member.put("/v2.1/os-quota-sets/self", Map.of("quota_set", Map.of("instances", 50)));
        assertThat(put.status()).isEqualTo(403);
        assertThat(message(put)).contains("os_compute_api:os-quota-sets:update");
        assertThat(member.delete("/v2.1/os-quota-sets/self").status()).isEqualTo(403);
    }

    @Test
    void aLimitBelowWhatIsInUseIsRefusedUnlessForced() {
        work.instance("cell1", "busy", "u", 1, 512);
        work.instance("cell1", "busy", "u", 1, 512);
        ApiClient admin = server.admin("2.1");
        Reply refused = admin.put("/v2.1/os-quota-sets/busy", Map.of("quota_set", Map.of("instances", 1)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused)).isEqualTo(
                "Quota limit 1 for instances must be greater than or equal to already used and reserved 2.");
        assertThat(admin.get("/v2.1/os-quota-sets/busy").json().at("/quota_set/instances").asLong()).isEqualTo(10);
        Reply forced = admin.put("/v2.1/os-quota-sets/busy", Map.of("quota_set", Map.of("instances", 1,
                "force", "True")));
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().at("/quota_set/instances").asLong()).isEqualTo(1);
        assertThat(admin.put("/v2.1/os-quota-sets/busy", Map.of("quota_set", Map.of("instances", -1))).status())
                .isEqualTo(200);
    }

    @Test
    void aUsersLimitMayNotExceedWhatTheProjectHasLeft() {
        ApiClient admin = server.admin("2.1");
        admin.put("/v2.1/os-quota-sets/shared", Map.of("quota_set", Map.of("instances", 10)));
        assertThat(admin.put("/v2.1/os-quota-sets/shared?user_id=a", Map.of("quota_set", Map.of("instances", 6)))
                .status()).isEqualTo(200);
        Reply tooMuch = admin.put("/v2.1/os-quota-sets/shared?user_id=b", Map.of("quota_set", Map.of("instances", 5)));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(message(tooMuch)).isEqualTo("Quota limit 5 for instances must be less than or equal to 4.");
        assertThat(admin.put("/v2.1/os-quota-sets/shared?user_id=a", Map.of("quota_set", Map.of("instances", 10)))
                .status()).isEqualTo(200);
        assertThat(admin.get("/v2.1/os-quota-sets/shared?user_id=a").json().at("/quota_set/instances").asLong())
                .isEqualTo(10);
        // The project may not go below what its users were given.
        Reply below = admin.put("/v2.1/os-quota-sets/shared", Map.of("quota_set", Map.of("instances", 9)));
        assertThat(below.status()).isEqualTo(400);
        assertThat(message(below)).isEqualTo(
                "Quota limit 9 for instances must be greater than or equal to already used and reserved 10.");
    }

    @Test
    void deletingResetsTheProjectOrOneUserToTheDefaults() {
        ApiClient admin = server.admin("2.1");
        admin.put("/v2.1/os-quota-sets/reset", Map.of("quota_set", Map.of("cores", 5)));
        admin.put("/v2.1/os-quota-sets/reset?user_id=x", Map.of("quota_set", Map.of("cores", 2)));
        assertThat(admin.delete("/v2.1/os-quota-sets/reset?user_id=x").status()).isEqualTo(202);
        assertThat(admin.get("/v2.1/os-quota-sets/reset?user_id=x").json().at("/quota_set/cores").asLong())
                .isEqualTo(5);
        assertThat(admin.delete("/v2.1/os-quota-sets/reset").status()).isEqualTo(202);
        assertThat(admin.get("/v2.1/os-quota-sets/reset").json().at("/quota_set/cores").asLong()).isEqualTo(20);
    }

    @Test
    void whatAnUpdateMayNameDependsOnTheMicroversion() {
        ApiClient at21 = server.admin("2.1");
        Reply networks = at21.put("/v2.1/os-quota-sets/names", Map.of("quota_set", Map.of("networks", 5)));
        assertThat(networks.status()).isEqualTo(400);
        assertThat(message(networks)).isEqualTo("The networks quota has been removed");
        assertThat(at21.put("/v2.1/os-quota-sets/names", Map.of("quota_set", Map.of("floating_ips", 5))).status())
                .isEqualTo(200);
        assertThat(server.admin("2.36").put("/v2.1/os-quota-sets/names", Map.of("quota_set",
                Map.of("floating_ips", 5))).status()).isEqualTo(400);
        assertThat(server.admin("2.36").put("/v2.1/os-quota-sets/names", Map.of("quota_set",
                Map.of("injected_files", 5))).status()).isEqualTo(200);
        assertThat(server.admin("2.57").put("/v2.1/os-quota-sets/names", Map.of("quota_set",
                Map.of("injected_files", 5))).status()).isEqualTo(400);
        assertThat(at21.put("/v2.1/os-quota-sets/names", Map.of("quota_set", Map.of("cores", -2))).status())
                .isEqualTo(400);
        assertThat(at21.put("/v2.1/os-quota-sets/names", Map.of("quota_set", Map.of("cores", "many"))).status())
                .isEqualTo(400);
        assertThat(at21.put("/v2.1/os-quota-sets/names", Map.of("quota_set", Map.of("gpus", 1))).status())
                .isEqualTo(400);
    }

    @Test
    void from275UnknownQueryParametersAreA400() {
        ApiClient admin = server.admin("2.75");
        assertThat(admin.get("/v2.1/os-quota-sets/q?colour=red").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/os-quota-sets/q/detail?colour=red").status()).isEqualTo(400);
        assertThat(admin.delete("/v2.1/os-quota-sets/q?colour=red").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/os-quota-sets/q?user_id=x").status()).isEqualTo(200);
        assertThat(server.admin("2.74").get("/v2.1/os-quota-sets/q?colour=red").status()).isEqualTo(200);
    }
}
