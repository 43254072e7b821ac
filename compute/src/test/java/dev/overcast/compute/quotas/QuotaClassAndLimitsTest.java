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

class QuotaClassAndLimitsTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private final Workload work = new Workload(server.context());

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void theQuotaClassViewLeavesOutServerGroupsBefore250AndNetworkQuotasFrom250() {
        ApiClient admin = server.admin("2.1");
        JsonNode at21 = admin.get("/v2.1/os-quota-class-sets/default").json().get("quota_class_set");
        assertThat(at21.get("id").asString()).isEqualTo("default");
        assertThat(keys(at21)).doesNotContain("server_groups", "server_group_members").contains("floating_ips");
        JsonNode at250 = server.admin("2.50").get("/v2.1/os-quota-class-sets/default").json().get("quota_class_set");
        assertThat(keys(at250)).contains("server_groups", "server_group_members", "injected_files")
                .doesNotContain("floating_ips", "fixed_ips", "security_groups", "security_group_rules");
        JsonNode at257 = server.admin("2.57").get("/v2.1/os-quota-class-sets/default").json().get("quota_class_set");
        assertThat(keys(at257)).doesNotContain("injected_files", "injected_file_content_bytes",
                "injected_file_path_bytes");
    }

    @Test
    void onlyAdminsReadOrWriteQuotaClasses() {
        ApiClient member = server.member("u", "p", "2.50");
        assertThat(member.get("/v2.1/os-quota-class-sets/default").status()).isEqualTo(403);
        assertThat(member.put("/v2.1/os-quota-class-sets/default", Map.of("quota_class_set",
                Map.of("instances", 1))).status()).isEqualTo(403);
    }

    @Test
    void theDefaultClassChangesEveryProjectsDefaults() {
        ApiClient admin = server.admin("2.50");
        Reply reply = admin.put("/v2.1/os-quota-class-sets/default", Map.of("quota_class_set",
                Map.of("key_pairs", 7, "server_groups", "3")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/quota_class_set").has("id")).isFalse();
        assertThat(reply.json().at("/quota_class_set/key_pairs").asLong()).isEqualTo(7);
        assertThat(admin.get("/v2.1/os-quota-sets/anyone/defaults").json().at("/quota_set/key_pairs").asLong())
                .isEqualTo(7);
        assertThat(admin.get("/v2.1/os-quota-sets/anyone").json().at("/quota_set/server_groups").asLong())
                .isEqualTo(3);
        admin.put("/v2.1/os-quota-class-sets/default", Map.of("quota_class_set",
                Map.of("key_pairs", 100, "server_groups", 10)));
    }

    @Test
    void whatAQuotaClassUpdateMayNameDependsOnTheMicroversion() {
        assertThat(server.admin("2.1").put("/v2.1/os-quota-class-sets/gold", Map.of("quota_class_set",
                Map.of("floating_ips", 1))).status()).isEqualTo(200);
        assertThat(server.admin("2.50").put("/v2.1/os-quota-class-sets/gold", Map.of("quota_class_set",
                Map.of("floating_ips", 1))).status()).isEqualTo(400);
        assertThat(server.admin("2.57").put("/v2.1/os-quota-class-sets/gold", Map.of("quota_class_set",
                Map.of("injected_files", 1))).status()).isEqualTo(400);
        Reply gold = server.admin("2.57").get("/v2.1/os-quota-class-sets/gold");
        assertThat(gold.json().at("/quota_class_set/id").asString()).isEqualTo("gold");
        assertThat(gold.json().at("/quota_class_set/instances").asLong()).isEqualTo(10);
    }

    @Test
    void limitsAt21ShowEveryAbsoluteLimitAndUsageAndNoRates() {
        work.instance("cell1", "lim21", "u", 2, 1024);
        work.instance("cell2", "lim21", "u", 3, 2048);
        Reply reply = server.member("u", "lim21", "2.1").get("/v2.1/limits");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/limits/rate").isArray()).isTrue();
        assertThat(reply.json().at("/limits/rate").size()).isZero();
        JsonNode a = reply.json().at("/limits/absolute");
        assertThat(keys(a)).containsExactlyInAnyOrder("maxTotalRAMSize", "maxTotalInstances", "maxTotalCores",
                "maxTotalKeypairs", "maxTotalFloatingIps", "maxServerMeta", "maxImageMeta", "maxPersonality",
                "maxPersonalitySize", "maxSecurityGroups", "maxSecurityGroupRules", "maxServerGroups",
                "maxServerGroupMembers", "totalRAMUsed", "totalCoresUsed", "totalInstancesUsed",
                "totalFloatingIpsUsed", "totalSecurityGroupsUsed", "totalServerGroupsUsed");
        assertThat(a.get("maxTotalInstances").asLong()).isEqualTo(10);
        assertThat(a.get("maxTotalRAMSize").asLong()).isEqualTo(51200);
        assertThat(a.get("maxImageMeta").asLong()).isEqualTo(128);
        assertThat(a.get("maxTotalFloatingIps").asLong()).isEqualTo(10);
        assertThat(a.get("maxSecurityGroupRules").asLong()).isEqualTo(20);
        assertThat(a.get("totalInstancesUsed").asLong()).isEqualTo(2);
        assertThat(a.get("totalCoresUsed").asLong()).isEqualTo(5);
        assertThat(a.get("totalRAMUsed").asLong()).isEqualTo(3072);
        assertThat(a.get("totalFloatingIpsUsed").asLong()).isZero();
    }

    @Test
    void limitsLoseTheNetworkOnesAt236MaxImageMetaAt239AndPersonalityAt257() {
        ApiClient client = server.member("u", "limv", "2.36");
        JsonNode at236 = client.get("/v2.1/limits").json().at("/limits/absolute");
        assertThat(keys(at236)).doesNotContain("maxTotalFloatingIps", "maxSecurityGroups", "maxSecurityGroupRules",
                "totalFloatingIpsUsed", "totalSecurityGroupsUsed").contains("maxImageMeta", "maxPersonality");
        JsonNode at239 = server.member("u", "limv", "2.39").get("/v2.1/limits").json().at("/limits/absolute");
        assertThat(keys(at239)).doesNotContain("maxImageMeta").contains("maxServerMeta", "maxPersonality");
        JsonNode at257 = server.member("u", "limv", "2.57").get("/v2.1/limits").json().at("/limits/absolute");
        assertThat(keys(at257)).containsExactlyInAnyOrder("maxTotalRAMSize", "maxTotalInstances", "maxTotalCores",
                "maxTotalKeypairs", "maxServerMeta", "maxServerGroups", "maxServerGroupMembers", "totalRAMUsed",
                "totalCoresUsed", "totalInstancesUsed", "totalServerGroupsUsed");
    }

    @Test
    void limitsFollowTheProjectsQuota() {
        server.admin("2.1").put("/v2.1/os-quota-sets/limq", Map.of("quota_set", Map.of("instances", 3)));
        assertThat(server.member("u", "limq", "2.96").get("/v2.1/limits").json()
                .at("/limits/absolute/maxTotalInstances").asLong()).isEqualTo(3);
    }

    @Test
    void onlyAdminsAskForAnotherProjectsLimits() {
        work.instance("cell1", "limo", "u", 1, 512);
        Reply admin = server.admin("2.96").get("/v2.1/limits?tenant_id=limo");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().at("/limits/absolute/totalInstancesUsed").asLong()).isEqualTo(1);
        Reply member = server.member("u", "mine", "2.96").get("/v2.1/limits?tenant_id=limo");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.json().at("/forbidden/message").asString()).isEqualTo(
                "Policy doesn't allow os_compute_api:limits:other_project to be performed.");
    }

    @Test
    void from275AnUnknownLimitsParameterIsA400() {
        assertThat(server.member("u", "p", "2.75").get("/v2.1/limits?colour=red").status()).isEqualTo(400);
        assertThat(server.member("u", "p", "2.74").get("/v2.1/limits?colour=red").status()).isEqualTo(200);
    }
}
