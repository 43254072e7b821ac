package dev.overcast.identity.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.overcast.identity.IdentityServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class RoleApiTest {
    static IdentityServer server;
    static String adminUserId;
    ApiClient admin;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        adminUserId = tokenFor("admin").json().get("token").get("user").get("id").asString();
    }

    /** A fresh admin token per test: some tests revoke all of the admin user's tokens. */
    @BeforeEach
    void signIn() {
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Reply tokenFor(String project) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                "name", "admin", "domain", Map.of("id", "default"), "password", IdentityServer.ADMIN_PASSWORD))));
        auth.put("scope", Map.of("project", Map.of("name", project, "domain", Map.of("id", "default"))));
        return server.client().post("/v3/auth/tokens", Map.of("auth", auth));
    }

    private String createRole(String name) {
        var reply = admin.post("/v3/roles", Map.of("role", Map.of("name", name)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("role").get("id").asString();
    }

    private String createProject(String name, String parentId) {
        Map<String, Object> project = new LinkedHashMap<>(Map.of("name", name));
        if (parentId != null) {
            project.put("parent_id", parentId);
        }
        var reply = admin.post("/v3/projects", Map.of("project", project));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("project").get("id").asString();
    }

    private static List<String> roleIds(JsonNode assignments) {
        assertThat(assignments.has("role_assignments")).as(assignments.toString()).isTrue();
        return assignments.get("role_assignments").valueStream().map(a -> a.get("role").get("id").asString()).toList();
    }

    @Test
    void aRoleIsCreatedShownRenamedListedAndDeleted() {
        String id = createRole("auditor");
        var shown = admin.get("/v3/roles/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("role").get("domain_id").isNull()).isTrue();
        assertThat(shown.json().get("role").get("links").get("self").asString()).endsWith("/v3/roles/" + id);

        var renamed = admin.patch("/v3/roles/" + id, Map.of("role", Map.of("name", "auditor-2")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("role").get("name").asString()).isEqualTo("auditor-2");
        assertThat(admin.get("/v3/roles?name=auditor-2").json().get("roles").findValuesAsString("id")).containsExactly(id);
        assertThat(admin.get("/v3/roles").json().get("roles").findValuesAsString("name"))
                .contains("admin", "member", "reader", "auditor-2");

        assertThat(admin.delete("/v3/roles/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/roles/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateRoleNameIs409AndAMissingNameIs400() {
        createRole("duplicate");
        assertThat(admin.post("/v3/roles", Map.of("role", Map.of("name", "duplicate"))).status()).isEqualTo(409);
        assertThat(admin.post("/v3/roles", Map.of("role", Map.of("description", "x"))).status()).isEqualTo(400);
    }

    @Test
    void domainRolesListOnlyUnderTheirDomainAndNoGlobalRoleMayImplyOne() {
        var reply = admin.post("/v3/roles", Map.of("role", Map.of("name", "domain-role", "domain_id", "default")));
        assertThat(reply.status()).isEqualTo(201);
        String domainRole = reply.json().get("role").get("id").asString();
        assertThat(reply.json().get("role").get("domain_id").asString()).isEqualTo("default");
        assertThat(admin.get("/v3/roles?domain_id=default").json().get("roles").findValuesAsString("id"))
                .containsExactly(domainRole);
        assertThat(admin.get("/v3/roles").json().get("roles").findValuesAsString("id")).doesNotContain(domainRole);

        String global = createRole("global-for-domain-test");
        assertThat(admin.put("/v3/roles/" + global + "/implies/" + domainRole, null).status()).isEqualTo(403);
        assertThat(admin.put("/v3/roles/" + domainRole + "/implies/" + global, null).status()).isEqualTo(201);
    }

    @Test
    void anInferenceRuleRoundTrips() {
        String prior = createRole("prior");
        String implied = createRole("implied");
        String path = "/v3/roles/" + prior + "/implies/" + implied;

        var created = admin.put(path, null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role_inference").get("prior_role").get("id").asString()).isEqualTo(prior);
        assertThat(created.json().get("role_inference").get("implies").get("id").asString()).isEqualTo(implied);
        assertThat(admin.get(path).status()).isEqualTo(200);
        assertThat(admin.head(path).status()).isEqualTo(204);
        assertThat(admin.get("/v3/roles/" + prior + "/implies").json().get("role_inference").get("implies")
                .findValuesAsString("id")).containsExactly(implied);
        assertThat(admin.get("/v3/role_inferences").json().get("role_inferences").findValuesAsString("id"))
                .contains(prior, implied);

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.head(path).status()).isEqualTo(404);
        assertThat(admin.delete(path).status()).isEqualTo(404);
    }

    @Test
    void anInferenceCycleIs400AndAdminCannotBeImplied() {
        String a = createRole("cycle-a");
        String b = createRole("cycle-b");
        assertThat(admin.put("/v3/roles/" + a + "/implies/" + b, null).status()).isEqualTo(201);
        assertThat(admin.put("/v3/roles/" + b + "/implies/" + a, null).status()).isEqualTo(400);
        String adminRole = admin.get("/v3/roles?name=admin").json().get("roles").get(0).get("id").asString();
        assertThat(admin.put("/v3/roles/" + a + "/implies/" + adminRole, null).status()).isEqualTo(403);
    }

    @Test
    void aGrantLetsTheUserScopeToTheProjectAndRevokingItRefusesTheToken() {
        String project = createProject("granted-project", null);
        String adminRole = admin.get("/v3/roles?name=admin").json().get("roles").get(0).get("id").asString();
        String grant = "/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + adminRole;
        assertThat(tokenFor("granted-project").status()).isEqualTo(401);
        assertThat(admin.head(grant).status()).isEqualTo(404);

        assertThat(admin.put(grant, null).status()).isEqualTo(204);
        assertThat(admin.head(grant).status()).isEqualTo(204);
        assertThat(admin.get(grant).status()).isEqualTo(204);
        assertThat(admin.get("/v3/projects/" + project + "/users/" + adminUserId + "/roles").json().get("roles")
                .findValuesAsString("id")).containsExactly(adminRole);
        var token = tokenFor("granted-project");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.json().get("token").get("roles").findValuesAsString("name"))
                .containsExactlyInAnyOrder("admin", "member", "reader");
        ApiClient scoped = server.client().withToken(token.header("X-Subject-Token"));
        assertThat(scoped.get("/v3/roles").status()).isEqualTo(200);

        assertThat(admin.delete(grant).status()).isEqualTo(204);
        assertThat(scoped.get("/v3/roles").status()).isEqualTo(401);
        assertThat(tokenFor("granted-project").status()).isEqualTo(401);
        assertThat(admin.delete(grant).status()).isEqualTo(404);
    }

    @Test
    void grantsNamingMissingThingsAre404() {
        String role = createRole("for-missing-things");
        assertThat(admin.put("/v3/projects/nope/users/" + adminUserId + "/roles/" + role, null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/domains/nope/users/" + adminUserId + "/roles/" + role, null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/domains/default/users/nope/roles/" + role, null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/domains/default/groups/nope/roles/" + role, null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/domains/default/users/" + adminUserId + "/roles/nope", null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/system/users/nope/roles/" + role, null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/OS-INHERIT/domains/default/users/nope/roles/" + role + "/inherited_to_projects",
                null).status()).isEqualTo(404);
    }

    @Test
    void effectiveAssignmentsIncludeImpliedRolesAndNames() {
        String project = createProject("effective-project", null);
        String prior = createRole("effective-prior");
        String implied = createRole("effective-implied");
        admin.put("/v3/roles/" + prior + "/implies/" + implied, null);
        assertThat(admin.put("/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + prior, null).status())
                .isEqualTo(204);

        String query = "/v3/role_assignments?scope.project.id=" + project + "&user.id=" + adminUserId;
        assertThat(roleIds(admin.get(query).json())).containsExactly(prior);
        var effective = admin.get(query + "&effective&include_names");
        assertThat(effective.status()).isEqualTo(200);
        assertThat(roleIds(effective.json())).containsExactlyInAnyOrder(prior, implied);
        JsonNode first = effective.json().get("role_assignments").get(0);
        assertThat(first.get("user").get("name").asString()).isEqualTo("admin");
        assertThat(first.get("user").get("domain").get("id").asString()).isEqualTo("default");
        assertThat(first.get("scope").get("project").get("name").asString()).isEqualTo("effective-project");
        assertThat(first.get("links").get("assignment").asString())
                .endsWith("/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + prior);
    }

    @Test
    void anInheritedProjectGrantReachesChildrenButNotTheProjectItself() {
        String parent = createProject("inherit-parent", null);
        String child = createProject("inherit-child", parent);
        String role = createRole("inherited-role");
        String grant = "/v3/OS-INHERIT/projects/" + parent + "/users/" + adminUserId + "/roles/" + role
                + "/inherited_to_projects";
        assertThat(admin.put(grant, null).status()).isEqualTo(204);
        assertThat(admin.head(grant).status()).isEqualTo(204);
        assertThat(admin.get("/v3/OS-INHERIT/projects/" + parent + "/users/" + adminUserId
                + "/roles/inherited_to_projects").json().get("roles").findValuesAsString("id")).containsExactly(role);

        var stored = admin.get("/v3/role_assignments?role.id=" + role).json().get("role_assignments");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("scope").get("OS-INHERIT:inherited_to").asString()).isEqualTo("projects");
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&scope.project.id=" + child).json()))
                .containsExactly(role);
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&scope.project.id=" + parent).json())).isEmpty();
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&include_subtree&scope.project.id=" + parent)
                .json())).containsExactly(role);

        assertThat(admin.delete(grant).status()).isEqualTo(204);
        signIn(); // removing an inherited grant revokes all of the user's tokens
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&scope.project.id=" + child).json())).isEmpty();
    }

    @Test
    void anInheritedDomainGrantShowsOnTheDomainsProjects() {
        String project = createProject("inherit-from-domain", null);
        String role = createRole("domain-inherited");
        String grant = "/v3/OS-INHERIT/domains/default/users/" + adminUserId + "/roles/" + role + "/inherited_to_projects";
        assertThat(admin.put(grant, null).status()).isEqualTo(204);
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&role.id=" + role + "&scope.project.id=" + project)
                .json())).containsExactly(role);
        assertThat(roleIds(admin.get("/v3/role_assignments?effective&role.id=" + role + "&scope.domain.id=default")
                .json())).isEmpty();
        assertThat(admin.delete(grant).status()).isEqualTo(204);
    }

    @Test
    void systemGrantsAreListedAndFilteredBySystemScope() {
        String role = createRole("system-role");
        assertThat(admin.put("/v3/system/users/" + adminUserId + "/roles/" + role, null).status()).isEqualTo(204);
        assertThat(admin.get("/v3/system/users/" + adminUserId + "/roles").json().get("roles")
                .findValuesAsString("id")).contains(role);
        var listed = admin.get("/v3/role_assignments?scope.system=all&role.id=" + role).json().get("role_assignments");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("scope").get("system").get("all").asBoolean()).isTrue();
        assertThat(admin.delete("/v3/system/users/" + adminUserId + "/roles/" + role).status()).isEqualTo(204);
    }

    @Test
    void contradictoryRoleAssignmentFiltersAre400() {
        assertThat(admin.get("/v3/role_assignments?scope.project.id=a&scope.domain.id=b").status()).isEqualTo(400);
        assertThat(admin.get("/v3/role_assignments?include_subtree").status()).isEqualTo(400);
        assertThat(admin.get("/v3/role_assignments?effective&group.id=g").status()).isEqualTo(400);
    }

    @Test
    void deletingARoleRemovesItsGrantsAndRevokesTokensCarryingIt() {
        String project = createProject("role-deleted-project", null);
        String role = createRole("doomed");
        String adminRole = admin.get("/v3/roles?name=admin").json().get("roles").get(0).get("id").asString();
        admin.put("/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + adminRole, null);
        admin.put("/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + role, null);
        ApiClient scoped = server.client().withToken(tokenFor("role-deleted-project").header("X-Subject-Token"));
        assertThat(scoped.get("/v3/roles").status()).isEqualTo(200);

        assertThat(admin.delete("/v3/roles/" + role).status()).isEqualTo(204);
        assertThat(scoped.get("/v3/roles").status()).isEqualTo(401);
        assertThat(roleIds(admin.get("/v3/role_assignments?role.id=" + role).json())).isEmpty();
    }

    @Test
    void aReaderWithoutAdminCannotCreateRoles() {
        String project = createProject("reader-project", null);
        String reader = admin.get("/v3/roles?name=reader").json().get("roles").get(0).get("id").asString();
        admin.put("/v3/projects/" + project + "/users/" + adminUserId + "/roles/" + reader, null);
        ApiClient scoped = server.client().withToken(tokenFor("reader-project").header("X-Subject-Token"));
        assertThat(scoped.post("/v3/roles", Map.of("role", Map.of("name", "not-allowed"))).status()).isEqualTo(403);
        assertThat(scoped.get("/v3/role_assignments").status()).isEqualTo(403);
    }
}
