package dev.overcast.network.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class QuotaApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String project() {
        return "p-" + UUID.randomUUID();
    }

    @Test
    void aProjectReadsItsOwnLimitsWhichAreNeutronsDefaults() {
        String project = project();
        var reply = server.member("u", project).get("/v2.0/quotas/" + project);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode quota = reply.json().get("quota");
        assertThat(quota.get("network").asInt()).isEqualTo(100);
        assertThat(quota.get("subnet").asInt()).isEqualTo(100);
        assertThat(quota.get("port").asInt()).isEqualTo(500);
        assertThat(quota.get("router").asInt()).isEqualTo(10);
        assertThat(quota.get("floatingip").asInt()).isEqualTo(50);
        assertThat(quota.get("security_group").asInt()).isEqualTo(10);
        assertThat(quota.get("security_group_rule").asInt()).isEqualTo(100);
        assertThat(quota.get("subnetpool").asInt()).isEqualTo(-1);
        assertThat(quota.get("rbac_policy").asInt()).isEqualTo(10);
        assertThat(server.member("u", project).get("/v2.0/quotas/" + project + "/default").json()
                .at("/quota/port").asInt()).isEqualTo(500);
        assertThat(server.member("u", project).get("/v2.0/quotas/project").json().at("/project/project_id")
                .asString()).isEqualTo(project);
    }

    @Test
    void anotherProjectsLimitsTheListAndChangesAreForAdmins() {
        String project = project();
        ApiClient member = server.member("u", project);
        assertThat(member.get("/v2.0/quotas/" + project()).status()).isEqualTo(403);
        assertThat(member.get("/v2.0/quotas").status()).isEqualTo(403);
        assertThat(member.put("/v2.0/quotas/" + project, Map.of("quota", Map.of("port", 5))).status()).isEqualTo(403);
        assertThat(member.delete("/v2.0/quotas/" + project).status()).isEqualTo(403);
        assertThat(server.admin().get("/v2.0/quotas/" + project).status()).isEqualTo(200);
    }

    @Test
    void anAdminSetsListsAndResetsAProjectsLimits() {
        String project = project();
        var put = server.admin().put("/v2.0/quotas/" + project, Map.of("quota", Map.of("port", 5, "network", "-1")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().at("/quota/port").asInt()).isEqualTo(5);
        assertThat(put.json().at("/quota/network").asInt()).isEqualTo(-1);
        assertThat(put.json().at("/quota/subnet").asInt()).isEqualTo(100);
        assertThat(server.admin().put("/v2.0/quotas/" + project, Map.of("quota", Map.of("port", 7))).json()
                .at("/quota/port").asInt()).isEqualTo(7);
        assertThat(server.member("u", project).get("/v2.0/quotas/" + project).json().at("/quota/port").asInt())
                .isEqualTo(7);
        JsonNode list = server.admin().get("/v2.0/quotas").json().get("quotas");
        JsonNode mine = null;
        for (JsonNode item : list) {
            if (item.get("project_id").asString().equals(project)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("port").asInt()).isEqualTo(7);
        assertThat(mine.get("tenant_id").asString()).isEqualTo(project);
        assertThat(server.admin().delete("/v2.0/quotas/" + project).status()).isEqualTo(204);
        assertThat(server.admin().get("/v2.0/quotas/" + project).json().at("/quota/port").asInt()).isEqualTo(500);
        var again = server.admin().delete("/v2.0/quotas/" + project);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/NeutronError/type").asString()).isEqualTo("TenantQuotaNotFound");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"quota\": {\"port\": \"many\"}}|InvalidInput|Invalid input for operation: 'many' is not an integer.",
        "{\"quota\": {\"port\": -2}}|HTTPBadRequest|Invalid input for port. Reason: '-2' is too small - must be at least '-1'.",
        "{\"quota\": {\"port\": 2147483648}}|HTTPBadRequest|Invalid input for port. Reason: '2147483648' is too large - must be no larger than '2147483647'.",
        "{\"quota\": {\"widgets\": 3}}|HTTPBadRequest|Unrecognized attribute(s) 'widgets'",
        "{\"quotas\": {}}|HTTPBadRequest|Resource body required"})
    void badLimitsAreRefusedWithNeutronsMessages(String body, String type, String message) {
        var reply = server.admin().put("/v2.0/quotas/" + project(), body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo(type);
        assertThat(reply.json().at("/NeutronError/message").asString()).isEqualTo(message);
    }

    @Test
    void detailsCountWhatTheProjectUses() {
        String project = project();
        ApiClient member = server.member("u", project);
        member.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "web")));
        var reply = member.get("/v2.0/quotas/" + project + "/details");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode quota = reply.json().get("quota");
        // The default group (four rules) and "web" (two rules).
        assertThat(quota.at("/security_group/used").asInt()).isEqualTo(2);
        assertThat(quota.at("/security_group/limit").asInt()).isEqualTo(10);
        assertThat(quota.at("/security_group/reserved").asInt()).isEqualTo(0);
        assertThat(quota.at("/security_group_rule/used").asInt()).isEqualTo(6);
        // Tables of features not in this build count nothing.
        assertThat(quota.at("/router/used").asInt()).isEqualTo(0);
        assertThat(member.get("/v2.0/quotas/" + project() + "/details").status()).isEqualTo(403);
    }

    @Test
    void aCreateOverTheLimitIsOverQuota() {
        String project = project();
        server.admin().put("/v2.0/quotas/" + project, Map.of("quota", Map.of("security_group", 2,
                "security_group_rule", 7)));
        ApiClient member = server.member("u", project);
        assertThat(member.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "one"))).status())
                .isEqualTo(201);
        var over = member.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "two")));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().at("/NeutronError/type").asString()).isEqualTo("OverQuota");
        assertThat(over.json().at("/NeutronError/message").asString())
                .isEqualTo("Quota exceeded for resources: ['security_group'].");
        // Rules: the default group's four, "one"'s two, and room for one more.
        String group = member.get("/v2.0/security-groups?name=one").json().at("/security_groups/0/id").asString();
        var rule = Map.of("security_group_rule", Map.of("security_group_id", group, "direction", "ingress",
                "protocol", "tcp", "port_range_min", 22, "port_range_max", 22));
        assertThat(member.post("/v2.0/security-group-rules", rule).status()).isEqualTo(201);
        var overRules = member.post("/v2.0/security-group-rules", Map.of("security_group_rule",
                Map.of("security_group_id", group, "direction", "ingress", "protocol", "udp")));
        assertThat(overRules.status()).isEqualTo(409);
        assertThat(overRules.json().at("/NeutronError/message").asString())
                .isEqualTo("Quota exceeded for resources: ['security_group_rule'].");
    }

    @Test
    void checkLimitRefusesALimitBelowWhatIsUsed() {
        String project = project();
        server.member("u", project).get("/v2.0/security-groups");
        var reply = server.admin().put("/v2.0/quotas/" + project,
                Map.of("quota", Map.of("security_group_rule", 3, "check_limit", true)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/NeutronError/message").asString())
                .isEqualTo("Quota limit 3 for security_group_rule must be greater than or equal to already used 4");
        assertThat(server.admin().put("/v2.0/quotas/" + project,
                Map.of("quota", Map.of("security_group_rule", 3))).status()).isEqualTo(200);
    }
}
