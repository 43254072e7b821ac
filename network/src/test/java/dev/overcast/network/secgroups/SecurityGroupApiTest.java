package dev.overcast.network.secgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class SecurityGroupApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String project() {
        return "p-" + UUID.randomUUID();
    }

    static String create(ApiClient client, String name) {
        var reply = client.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", name)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().at("/security_group/id").asString();
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(g -> out.add(g.path("name").asString()));
        return out;
    }

    @Test
    void aProjectsFirstListMakesItsDefaultGroupWithUpstreamsRules() {
        String project = project();
        var reply = server.member("u", project).get("/v2.0/security-groups");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode groups = reply.json().get("security_groups");
        assertThat(names(groups)).containsExactly("default");
        JsonNode group = groups.get(0);
        String id = group.get("id").asString();
        assertThat(group.get("project_id").asString()).isEqualTo(project);
        assertThat(group.get("tenant_id").asString()).isEqualTo(project);
        assertThat(group.get("description").asString()).isEqualTo("Default security group");
        assertThat(group.get("stateful").asBoolean()).isTrue();
        assertThat(group.get("shared").asBoolean()).isFalse();
        assertThat(group.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<String> rules = new ArrayList<>();
        group.get("security_group_rules").forEach(r -> rules.add(r.get("direction").asString() + " "
                + r.get("ethertype").asString() + " " + r.get("remote_group_id").asString(null) + " "
                + r.get("remote_ip_prefix").asString(null) + " " + r.get("protocol").asString(null)));
        assertThat(rules).containsExactlyInAnyOrder("ingress IPv4 " + id + " null null",
                "ingress IPv6 " + id + " null null", "egress IPv4 null null null", "egress IPv6 null null null");
        assertThat(names(server.member("u", project).get("/v2.0/security-groups").json().get("security_groups")))
                .containsExactly("default");
    }

    @Test
    void firstRequestsRacingMakeExactlyOneDefaultGroup() throws Exception {
        String project = project();
        ApiClient client = server.member("u", project);
        List<Future<Integer>> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                replies.add(pool.submit(() -> client.get("/v2.0/security-groups").status()));
            }
        }
        for (Future<Integer> reply : replies) {
            assertThat(reply.get()).isEqualTo(200);
        }
        int groups = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from security_groups where project_id = :p and name = 'default'")
                .bind("p", project).mapTo(Integer.class).one());
        assertThat(groups).isEqualTo(1);
    }

    @Test
    void aNewGroupHasEgressRulesForBothEthertypes() {
        ApiClient client = server.member("u", project());
        var reply = client.post("/v2.0/security-groups",
                Map.of("security_group", Map.of("name", "web", "description", "web servers")));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode group = reply.json().get("security_group");
        assertThat(group.get("name").asString()).isEqualTo("web");
        assertThat(group.get("description").asString()).isEqualTo("web servers");
        assertThat(group.get("tags").isArray()).isTrue();
        List<String> rules = new ArrayList<>();
        group.get("security_group_rules").forEach(r -> rules.add(r.get("direction").asString() + " "
                + r.get("ethertype").asString() + " " + r.get("security_group_id").asString()));
        String id = group.get("id").asString();
        assertThat(rules).containsExactlyInAnyOrder("egress IPv4 " + id, "egress IPv6 " + id);
        assertThat(names(client.get("/v2.0/security-groups").json().get("security_groups")))
                .containsExactlyInAnyOrder("default", "web");
    }

    @Test
    void anotherGroupNamedDefaultIsRefusedInAnyCase() {
        ApiClient client = server.member("u", project());
        var reply = client.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "Default")));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupDefaultAlreadyExists");
        assertThat(reply.json().at("/NeutronError/message").asString())
                .isEqualTo("Default security group already exists.");
        String id = create(client, "other");
        var rename = client.put("/v2.0/security-groups/" + id, Map.of("security_group", Map.of("name", "default")));
        assertThat(rename.status()).isEqualTo(409);
    }

    @Test
    void theDefaultGroupCannotBeRenamedButItsDescriptionCanChange() {
        ApiClient client = server.member("u", project());
        String id = client.get("/v2.0/security-groups?name=default").json().at("/security_groups/0/id").asString();
        var rename = client.put("/v2.0/security-groups/" + id, Map.of("security_group", Map.of("name", "mine")));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupCannotUpdateDefault");
        assertThat(rename.json().at("/NeutronError/message").asString())
                .isEqualTo("Updating default security group not allowed.");
        var describe = client.put("/v2.0/security-groups/" + id,
                Map.of("security_group", Map.of("description", "ours")));
        assertThat(describe.status()).isEqualTo(200);
        assertThat(describe.json().at("/security_group/description").asString()).isEqualTo("ours");
    }

    @Test
    void aMemberCannotDeleteTheDefaultGroupButAnAdminCanAndItComesBack() {
        String project = project();
        ApiClient client = server.member("u", project);
        String id = client.get("/v2.0/security-groups").json().at("/security_groups/0/id").asString();
        var reply = client.delete("/v2.0/security-groups/" + id);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupCannotRemoveDefault");
        assertThat(server.admin().delete("/v2.0/security-groups/" + id).status()).isEqualTo(204);
        String again = client.get("/v2.0/security-groups").json().at("/security_groups/0/id").asString();
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void updatingAGroupChangesItsRevisionAndTimestamp() {
        ApiClient client = server.member("u", project());
        String id = create(client, "before");
        var reply = client.put("/v2.0/security-groups/" + id,
                Map.of("security_group", Map.of("name", "after", "stateful", false)));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode group = reply.json().get("security_group");
        assertThat(group.get("name").asString()).isEqualTo("after");
        assertThat(group.get("stateful").asBoolean()).isFalse();
        assertThat(group.get("revision_number").asLong()).isEqualTo(1);
        assertThat(client.get("/v2.0/security-groups/" + id).json().at("/security_group/name").asString())
                .isEqualTo("after");
    }

    @Test
    void aGroupUsedByAPortCannotBeDeletedNorMadeStateless() {
        ApiClient client = server.member("u", project());
        String id = create(client, "used");
        server.jdbi().useHandle(h -> h.execute(
                "insert into port_security_groups (port_id, security_group_id) values (?, ?)", "port-1", id));
        var reply = client.delete("/v2.0/security-groups/" + id);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupInUse");
        assertThat(reply.json().at("/NeutronError/message").asString()).isEqualTo("Security Group " + id + " in use.");
        var stateless = client.put("/v2.0/security-groups/" + id,
                Map.of("security_group", Map.of("stateful", false)));
        assertThat(stateless.status()).isEqualTo(409);
        assertThat(client.put("/v2.0/security-groups/" + id, Map.of("security_group", Map.of("description", "d")))
                .status()).isEqualTo(200);
        server.jdbi().useHandle(h -> h.execute("delete from port_security_groups where security_group_id = ?", id));
        assertThat(client.delete("/v2.0/security-groups/" + id).status()).isEqualTo(204);
        var gone = client.get("/v2.0/security-groups/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/NeutronError/type").asString()).isEqualTo("SecurityGroupNotFound");
        assertThat(gone.json().at("/NeutronError/message").asString())
                .isEqualTo("Security group " + id + " does not exist");
    }

    @Test
    void anotherProjectsGroupIsNotFoundButAnAdminSeesIt() {
        String owner = project();
        String id = create(server.member("u", owner), "private");
        ApiClient stranger = server.member("x", project());
        assertThat(stranger.get("/v2.0/security-groups/" + id).status()).isEqualTo(404);
        assertThat(stranger.put("/v2.0/security-groups/" + id,
                Map.of("security_group", Map.of("description", "mine"))).status()).isEqualTo(404);
        assertThat(stranger.delete("/v2.0/security-groups/" + id).status()).isEqualTo(404);
        assertThat(names(stranger.get("/v2.0/security-groups").json().get("security_groups")))
                .containsExactly("default");
        assertThat(server.admin().get("/v2.0/security-groups/" + id).status()).isEqualTo(200);
        var all = server.admin().get("/v2.0/security-groups?project_id=" + owner).json().get("security_groups");
        assertThat(names(all)).containsExactlyInAnyOrder("default", "private");
    }

    @Test
    void aReaderReadsButCannotCreateOrChange() {
        String project = project();
        String id = create(server.member("u", project), "g");
        ApiClient reader = server.reader("r", project);
        assertThat(reader.get("/v2.0/security-groups/" + id).status()).isEqualTo(200);
        assertThat(reader.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "x"))).status())
                .isEqualTo(403);
        assertThat(reader.delete("/v2.0/security-groups/" + id).status()).isEqualTo(403);
    }

    @Test
    void aMemberCannotCreateInAnotherProjectButAnAdminCan() {
        String other = project();
        var reply = server.member("u", project()).post("/v2.0/security-groups",
                Map.of("security_group", Map.of("name", "x", "project_id", other)));
        assertThat(reply.status()).isEqualTo(403);
        var admin = server.admin().post("/v2.0/security-groups",
                Map.of("security_group", Map.of("name", "x", "tenant_id", other)));
        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.json().at("/security_group/project_id").asString()).isEqualTo(other);
    }

    @Test
    void badBodiesAreNeutronsFourHundreds() {
        ApiClient client = server.member("u", project());
        var unknown = client.post("/v2.0/security-groups", Map.of("security_group", Map.of("colour", "red")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/NeutronError/message").asString()).isEqualTo("Unrecognized attribute(s) 'colour'");
        var longName = client.post("/v2.0/security-groups",
                Map.of("security_group", Map.of("name", "n".repeat(256))));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().at("/NeutronError/message").asString())
                .isEqualTo("Invalid input for name. Reason: '" + "n".repeat(256) + "' exceeds maximum length of 255.");
        var stateful = client.post("/v2.0/security-groups",
                Map.of("security_group", Map.of("name", "s", "stateful", "maybe")));
        assertThat(stateful.status()).isEqualTo(400);
        assertThat(stateful.json().at("/NeutronError/message").asString())
                .isEqualTo("Invalid input for operation: 'maybe' cannot be converted to boolean.");
        assertThat(client.post("/v2.0/security-groups", "{\"security_group\": 3}").status()).isEqualTo(400);
    }

    @Test
    void listsFilterAndProjectFields() {
        ApiClient client = server.member("u", project());
        create(client, "alpha");
        create(client, "beta");
        var reply = client.get("/v2.0/security-groups?name=beta&fields=id&fields=name");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode groups = reply.json().get("security_groups");
        assertThat(names(groups)).containsExactly("beta");
        assertThat(groups.get(0).has("security_group_rules")).isFalse();
        assertThat(client.get("/v2.0/security-groups?colour=red").status()).isEqualTo(400);
    }

    @Test
    void groupsShowTheirTagsAndListsFilterByThem() {
        ApiClient client = server.member("u", project());
        String blue = create(client, "blue");
        create(client, "plain");
        server.jdbi().useHandle(h -> {
            h.execute("insert into tags (resource_type, resource_id, tag) values ('security-groups', ?, 'web')", blue);
            h.execute("insert into tags (resource_type, resource_id, tag) values ('security-groups', ?, 'prod')", blue);
        });
        assertThat(client.get("/v2.0/security-groups/" + blue).json().at("/security_group/tags").toString())
                .isEqualTo("[\"prod\",\"web\"]");
        assertThat(names(client.get("/v2.0/security-groups?tags=web,prod").json().get("security_groups")))
                .containsExactly("blue");
        assertThat(names(client.get("/v2.0/security-groups?not-tags-any=web").json().get("security_groups")))
                .containsExactlyInAnyOrder("default", "plain");
        assertThat(client.delete("/v2.0/security-groups/" + blue).status()).isEqualTo(204);
        int left = server.jdbi().withHandle(h -> h.createQuery("select count(*) from tags where resource_id = :id")
                .bind("id", blue).mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @Test
    void theVersionListsTheCollectionsAndTheExtensionsAreDeclared() {
        var collections = server.member("u", project()).get("/v2.0").json().toString();
        assertThat(collections).contains("security-groups", "security-group-rules", "quotas");
        var extensions = server.member("u", project()).get("/v2.0/extensions").json().toString();
        assertThat(extensions).contains("\"security-group\"", "\"stateful-security-group\"", "\"quotas\"",
                "\"quota_details\"");
    }
}
