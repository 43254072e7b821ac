package dev.overcast.compute.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.aggregates.CellRows;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class ServerGroupApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private static Reply create(ApiClient client, Map<String, Object> group) {
        return client.post("/v2.1/os-server-groups", Map.of("server_group", group));
    }

    private static String createGroup(ApiClient client, String name, String policy) {
        Reply reply = create(client, Map.of("name", name, "policy", policy));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().at("/server_group/id").asString();
    }

    private static List<String> ids(JsonNode groups) {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.add(g.get("id").asString()));
        return out;
    }

    @Test
    void from264AGroupHasOnePolicyAndRulesAndNoMetadata() {
        ApiClient member = server.member("u-264", "p-264", "2.64");
        Reply reply = create(member, Map.of("name", "spread", "policy", "anti-affinity",
                "rules", Map.of("max_server_per_host", 3)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode g = reply.json().get("server_group");
        assertThat(UUID.fromString(g.get("id").asString())).isNotNull();
        assertThat(g.get("name").asString()).isEqualTo("spread");
        assertThat(g.get("policy").asString()).isEqualTo("anti-affinity");
        assertThat(g.at("/rules/max_server_per_host").asInt()).isEqualTo(3);
        assertThat(g.at("/rules/max_server_per_host").isNumber()).isTrue();
        assertThat(g.get("members").size()).isZero();
        assertThat(g.get("project_id").asString()).isEqualTo("p-264");
        assertThat(g.get("user_id").asString()).isEqualTo("u-264");
        assertThat(g.has("policies")).isFalse();
        assertThat(g.has("metadata")).isFalse();

        Reply asString = create(member, Map.of("name", "spread-2", "policy", "anti-affinity",
                "rules", Map.of("max_server_per_host", "2")));
        assertThat(asString.json().at("/server_group/rules/max_server_per_host").asInt()).isEqualTo(2);
        Reply plain = create(member, Map.of("name", "together", "policy", "soft-affinity"));
        assertThat(plain.json().at("/server_group/rules").size()).isZero();
    }

    @Test
    void before264AGroupHasAOneItemPoliciesListAndEmptyMetadata() {
        ApiClient member = server.member("u-old", "p-old", "2.1");
        Reply reply = create(member, Map.of("name", "old", "policies", List.of("affinity")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode g = reply.json().get("server_group");
        assertThat(g.get("policies").get(0).asString()).isEqualTo("affinity");
        assertThat(g.get("policies").size()).isEqualTo(1);
        assertThat(g.get("metadata").isObject()).isTrue();
        assertThat(g.get("metadata").size()).isZero();
        assertThat(g.has("policy")).isFalse();
        assertThat(g.has("rules")).isFalse();
        // The project and user show from 2.13.
        assertThat(g.has("project_id")).isFalse();
        String id = g.get("id").asString();
        assertThat(server.member("u-old", "p-old", "2.12").get("/v2.1/os-server-groups/" + id).json()
                .at("/server_group").has("user_id")).isFalse();
        JsonNode v213 = server.member("u-old", "p-old", "2.13").get("/v2.1/os-server-groups/" + id).json()
                .get("server_group");
        assertThat(v213.get("project_id").asString()).isEqualTo("p-old");
        assertThat(v213.get("user_id").asString()).isEqualTo("u-old");
    }

    @Test
    void aGroupMadeAt264ShowsItsPolicyAsAListToOlderClients() {
        String id = createGroup(server.member("u-x", "p-x", "2.64"), "x", "soft-anti-affinity");
        JsonNode old = server.member("u-x", "p-x", "2.63").get("/v2.1/os-server-groups/" + id).json()
                .get("server_group");
        assertThat(old.get("policies").get(0).asString()).isEqualTo("soft-anti-affinity");
        assertThat(old.get("metadata").size()).isZero();
    }

    @Test
    void theSoftPoliciesComeWith215() {
        Map<String, Object> soft = Map.of("name", "soft", "policies", List.of("soft-affinity"));
        Reply refused = create(server.member("u1", "p-soft", "2.14"), soft);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).contains("policies");
        assertThat(create(server.member("u1", "p-soft", "2.15"), soft).status()).isEqualTo(200);
        assertThat(create(server.member("u1", "p-soft", "2.15"), Map.of("name", "soft", "policies",
                List.of("soft-anti-affinity"))).status()).isEqualTo(200);
    }

    @Test
    void eachMicroversionRefusesTheOtherBodyAndBadValues() {
        ApiClient v263 = server.member("u1", "p-bad", "2.63");
        ApiClient v264 = server.member("u1", "p-bad", "2.64");
        assertThat(create(v263, Map.of("name", "a", "policy", "affinity")).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("name", "a", "policies", List.of("affinity"))).status()).isEqualTo(400);
        assertThat(create(v263, Map.of("name", "a", "policies", List.of("affinity", "anti-affinity"))).status())
                .isEqualTo(400);
        assertThat(create(v263, Map.of("name", "a", "policies", List.of())).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("name", "a", "policy", "nearby")).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("policy", "affinity")).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("name", " padded", "policy", "affinity")).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("name", "x".repeat(256), "policy", "affinity")).status()).isEqualTo(400);
        assertThat(create(v264, Map.of("name", "a", "policy", "affinity", "extra", 1)).status()).isEqualTo(400);
        assertThat(v264.post("/v2.1/os-server-groups", Map.of("name", "a")).status()).isEqualTo(400);

        Reply rulesForAffinity = create(v264, Map.of("name", "a", "policy", "affinity",
                "rules", Map.of("max_server_per_host", 2)));
        assertThat(rulesForAffinity.status()).isEqualTo(400);
        assertThat(rulesForAffinity.json().at("/badRequest/message").asString())
                .isEqualTo("Only anti-affinity policy supports rules.");
        for (Object bad : List.of(0, -1, "0", "abc", "", 1.5)) {
            Reply reply = create(v264, Map.of("name", "a", "policy", "anti-affinity",
                    "rules", Map.of("max_server_per_host", bad)));
            assertThat(reply.status()).as("max_server_per_host " + bad).isEqualTo(400);
        }
        assertThat(create(v264, Map.of("name", "a", "policy", "anti-affinity", "rules", Map.of("other", 1)))
                .status()).isEqualTo(400);
        // Nothing was made by the refused requests.
        assertThat(v264.get("/v2.1/os-server-groups").json().get("server_groups").size()).isZero();
    }

    @Test
    void aProjectSeesItsOwnGroupsAndAdminsEveryoneWithAllProjects() {
        String mine = createGroup(server.member("u1", "p-list-a", "2.64"), "mine", "affinity");
        String theirs = createGroup(server.member("u2", "p-list-b", "2.64"), "theirs", "affinity");
        ApiClient reader = server.reader("u3", "p-list-a", "2.64");
        assertThat(ids(reader.get("/v2.1/os-server-groups").json().get("server_groups"))).containsExactly(mine);
        assertThat(ids(reader.get("/v2.1/os-server-groups?all_projects=True").json().get("server_groups")))
                .containsExactly(mine);

        ApiClient admin = server.admin("2.64");
        assertThat(ids(admin.get("/v2.1/os-server-groups").json().get("server_groups"))).doesNotContain(mine, theirs);
        assertThat(ids(admin.get("/v2.1/os-server-groups?all_projects").json().get("server_groups")))
                .contains(mine, theirs);
    }

    @Test
    void theListPagesWithLimitAndOffset() {
        ApiClient member = server.member("u1", "p-page", "2.64");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(createGroup(member, "page-" + i, "affinity"));
        }
        assertThat(ids(member.get("/v2.1/os-server-groups?limit=2").json().get("server_groups")))
                .containsExactly(made.get(0), made.get(1));
        assertThat(ids(member.get("/v2.1/os-server-groups?limit=2&offset=2").json().get("server_groups")))
                .containsExactly(made.get(2), made.get(3));
        assertThat(ids(member.get("/v2.1/os-server-groups?offset=3").json().get("server_groups")))
                .containsExactly(made.get(3));
        assertThat(ids(member.get("/v2.1/os-server-groups?limit=0").json().get("server_groups"))).hasSize(4);
        assertThat(member.get("/v2.1/os-server-groups?limit=-1").status()).isEqualTo(400);
        assertThat(member.get("/v2.1/os-server-groups?offset=x").status()).isEqualTo(400);
    }

    @Test
    void unknownQueryParametersAreIgnoredBefore275AndRefusedFrom275() {
        assertThat(server.member("u1", "p-q", "2.74").get("/v2.1/os-server-groups?foo=1").status()).isEqualTo(200);
        Reply refused = server.member("u1", "p-q", "2.75").get("/v2.1/os-server-groups?foo=1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).contains("foo");
        assertThat(server.member("u1", "p-q", "2.75").get("/v2.1/os-server-groups?limit=1&offset=0&all_projects=1")
                .status()).isEqualTo(200);
    }

    @Test
    void anotherProjectsGroupIsNotFoundButAdminsSeeIt() {
        String id = createGroup(server.member("u1", "p-show", "2.64"), "hidden", "affinity");
        Reply other = server.member("u2", "p-other", "2.64").get("/v2.1/os-server-groups/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().at("/itemNotFound/message").asString())
                .isEqualTo("Instance group " + id + " could not be found.");
        assertThat(server.member("u2", "p-other", "2.64").delete("/v2.1/os-server-groups/" + id).status())
                .isEqualTo(404);
        assertThat(server.reader("u3", "p-show", "2.64").get("/v2.1/os-server-groups/" + id).status()).isEqualTo(200);
        assertThat(server.admin("2.64").get("/v2.1/os-server-groups/" + id).status()).isEqualTo(200);
        assertThat(server.admin("2.64").get("/v2.1/os-server-groups/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void membersDeleteTheirGroupsAndReadersMayNot() {
        String id = createGroup(server.member("u1", "p-del", "2.64"), "doomed", "affinity");
        assertThat(server.reader("u3", "p-del", "2.64").delete("/v2.1/os-server-groups/" + id).status())
                .isEqualTo(403);
        assertThat(create(server.reader("u3", "p-del", "2.64"), Map.of("name", "n", "policy", "affinity")).status())
                .isEqualTo(403);
        Reply deleted = server.member("u1", "p-del", "2.64").delete("/v2.1/os-server-groups/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(server.member("u1", "p-del", "2.64").get("/v2.1/os-server-groups/" + id).status()).isEqualTo(404);
        assertThat(server.member("u1", "p-del", "2.64").delete("/v2.1/os-server-groups/" + id).status())
                .isEqualTo(404);
        String other = createGroup(server.member("u1", "p-del", "2.64"), "admin-deletes", "affinity");
        assertThat(server.admin("2.64").delete("/v2.1/os-server-groups/" + other).status()).isEqualTo(204);
    }

    @Test
    void aProjectMayHaveTenGroups() {
        ApiClient member = server.member("u1", "p-quota", "2.64");
        for (int i = 0; i < GroupQuota.DEFAULT_LIMIT; i++) {
            createGroup(member, "q-" + i, "affinity");
        }
        Reply over = create(member, Map.of("name", "one-too-many", "policy", "affinity"));
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.json().at("/forbidden/message").asString()).isEqualTo("Quota exceeded, too many server groups.");
        assertThat(member.get("/v2.1/os-server-groups").json().get("server_groups")).hasSize(GroupQuota.DEFAULT_LIMIT);
        // Another project has a quota of its own.
        createGroup(server.member("u1", "p-quota-2", "2.64"), "fine", "affinity");
    }

    @Test
    void theMembersShownAreThoseNotDeleted() {
        ApiClient member = server.member("u1", "p-members", "2.64");
        String id = createGroup(member, "with-members", "anti-affinity");
        ServerGroupStore store = new ServerGroupStore(server.context());
        CellRows rows = new CellRows(server);
        CellMapping cell1 = rows.cell("cell1");

        String building = UUID.randomUUID().toString();
        mapping(building, null);
        CellRows.Instance running = CellRows.Instance.running("p-members", "h1", Instant.now());
        rows.instance("cell1", running);
        mapping(running.uuid(), cell1.id());
        CellRows.Instance gone = CellRows.Instance.running("p-members", "h1", Instant.now())
                .terminated(Instant.now());
        rows.instance("cell1", gone);
        mapping(gone.uuid(), cell1.id());
        String unmapped = UUID.randomUUID().toString();
        for (String m : List.of(building, running.uuid(), gone.uuid(), unmapped)) {
            store.addMember(id, m);
        }
        List<String> shown = new ArrayList<>();
        member.get("/v2.1/os-server-groups/" + id).json().at("/server_group/members")
                .forEach(m -> shown.add(m.asString()));
        assertThat(shown).containsExactly(building, running.uuid());
        assertThat(store.members(id)).hasSize(4);
    }

    private static void mapping(String instance, Long cellId) {
        server.context().api().useHandle(h -> h.createUpdate("insert into instance_mappings "
                        + "(instance_uuid, cell_id, project_id, created_at) values (:uuid, :cell, 'p-members', :now)")
                .bind("uuid", instance).bind("cell", cellId).bind("now", Instant.now()).execute());
    }
}
