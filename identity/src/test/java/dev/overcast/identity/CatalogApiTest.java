package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class CatalogApiTest {
    static IdentityServer server;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode created(ApiClient.Reply reply, String wrapper) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get(wrapper);
    }

    private static String service(String type) {
        return created(admin.post("/v3/services", Map.of("service",
                Map.of("type", type, "name", unique("svc"), "description", "a service"))), "service").get("id").asString();
    }

    private static Map<String, Object> endpoint(String serviceId, String iface, String url) {
        Map<String, Object> e = new HashMap<>();
        e.put("service_id", serviceId);
        e.put("interface", iface);
        e.put("url", url);
        return e;
    }

    private static String adminProjectId() {
        return admin.get("/v3/projects?name=admin").json().get("projects").get(0).get("id").asString();
    }

    // ---- regions ----

    @Test
    void aRegionCanBeCreatedReadUpdatedListedAndDeleted() {
        String parent = created(admin.post("/v3/regions", Map.of("region", Map.of("description", "parent"))), "region")
                .get("id").asString();
        JsonNode region = created(admin.post("/v3/regions", Map.of("region",
                Map.of("description", "child", "parent_region_id", parent, "colour", "blue"))), "region");
        String id = region.get("id").asString();
        assertThat(region.get("parent_region_id").asString()).isEqualTo(parent);
        assertThat(region.get("colour").asString()).isEqualTo("blue");

        var updated = admin.patch("/v3/regions/" + id, Map.of("region", Map.of("description", "renamed")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("region").get("description").asString()).isEqualTo("renamed");
        assertThat(admin.get("/v3/regions/" + id).json().get("region").get("parent_region_id").asString()).isEqualTo(parent);

        var children = admin.get("/v3/regions?parent_region_id=" + parent).json().get("regions");
        assertThat(children.findValuesAsString("id")).containsExactly(id);
        assertThat(admin.get("/v3/regions").json().get("regions").findValuesAsString("id")).contains(id, parent, "RegionOne");

        assertThat(admin.delete("/v3/regions/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/regions/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRegionPutUnderAChosenIdIsCreatedOnceAndThenConflicts() {
        String id = unique("region");
        var first = admin.put("/v3/regions/" + id, Map.of("region", Map.of("description", "mine")));
        assertThat(created(first, "region").get("id").asString()).isEqualTo(id);
        assertThat(admin.put("/v3/regions/" + id, Map.of("region", Map.of())).status()).isEqualTo(409);
        assertThat(admin.put("/v3/regions/" + unique("r"), Map.of("region", Map.of("id", "other"))).status()).isEqualTo(400);
    }

    @Test
    void aRegionWithAMissingParentIs404AndACycleIs400() {
        assertThat(admin.post("/v3/regions", Map.of("region", Map.of("parent_region_id", "nowhere"))).status())
                .isEqualTo(404);
        String a = created(admin.post("/v3/regions", Map.of("region", Map.of())), "region").get("id").asString();
        String b = created(admin.post("/v3/regions", Map.of("region", Map.of("parent_region_id", a))), "region")
                .get("id").asString();
        assertThat(admin.patch("/v3/regions/" + a, Map.of("region", Map.of("parent_region_id", b))).status())
                .isEqualTo(400);
        assertThat(admin.patch("/v3/regions/" + a, Map.of("region", Map.of("parent_region_id", a))).status())
                .isEqualTo(400);
    }

    @Test
    void deletingARegionDeletesItsChildrenButNotWhileEndpointsUseThem() {
        String parent = created(admin.post("/v3/regions", Map.of("region", Map.of())), "region").get("id").asString();
        String child = created(admin.post("/v3/regions", Map.of("region", Map.of("parent_region_id", parent))), "region")
                .get("id").asString();
        Map<String, Object> body = endpoint(service(unique("type")), "public", "http://example.com/x");
        body.put("region_id", child);
        String endpointId = created(admin.post("/v3/endpoints", Map.of("endpoint", body)), "endpoint").get("id").asString();

        assertThat(admin.delete("/v3/regions/" + parent).status()).isEqualTo(403);
        assertThat(admin.delete("/v3/endpoints/" + endpointId).status()).isEqualTo(204);
        assertThat(admin.delete("/v3/regions/" + parent).status()).isEqualTo(204);
        assertThat(admin.get("/v3/regions/" + child).status()).isEqualTo(404);
    }

    // ---- services ----

    @Test
    void aServiceCanBeCreatedReadUpdatedFilteredAndDeleted() {
        String type = unique("type");
        String name = unique("name");
        JsonNode service = created(admin.post("/v3/services", Map.of("service",
                Map.of("type", type, "name", name, "description", "first"))), "service");
        String id = service.get("id").asString();
        assertThat(service.get("enabled").asBoolean()).isTrue();
        assertThat(service.get("name").asString()).isEqualTo(name);

        var updated = admin.patch("/v3/services/" + id, Map.of("service", Map.of("description", "second", "enabled", false)));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode fetched = admin.get("/v3/services/" + id).json().get("service");
        assertThat(fetched.get("description").asString()).isEqualTo("second");
        assertThat(fetched.get("enabled").asBoolean()).isFalse();
        assertThat(fetched.get("name").asString()).isEqualTo(name);

        assertThat(admin.get("/v3/services?type=" + type).json().get("services").findValuesAsString("id")).containsExactly(id);
        assertThat(admin.get("/v3/services?name=" + name).json().get("services").findValuesAsString("id")).containsExactly(id);

        assertThat(admin.delete("/v3/services/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/services/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/services/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletingAServiceDeletesItsEndpoints() {
        String serviceId = service(unique("type"));
        String endpointId = created(admin.post("/v3/endpoints", Map.of("endpoint",
                endpoint(serviceId, "admin", "http://example.com/a"))), "endpoint").get("id").asString();
        assertThat(admin.delete("/v3/services/" + serviceId).status()).isEqualTo(204);
        assertThat(admin.get("/v3/endpoints/" + endpointId).status()).isEqualTo(404);
    }

    @Test
    void aServiceWithoutATypeOrWithAStringEnabledIs400() {
        assertThat(admin.post("/v3/services", Map.of("service", Map.of("name", "x"))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/services", Map.of("service", Map.of("type", "x", "enabled", "True"))).status())
                .isEqualTo(400);
    }

    // ---- endpoints ----

    @Test
    void anEndpointCanBeCreatedReadUpdatedFilteredAndDeleted() {
        String serviceId = service(unique("type"));
        Map<String, Object> body = endpoint(serviceId, "internal", "http://example.com/v1");
        body.put("region_id", "RegionOne");
        body.put("note", "extra");
        JsonNode e = created(admin.post("/v3/endpoints", Map.of("endpoint", body)), "endpoint");
        String id = e.get("id").asString();
        assertThat(e.get("region").asString()).isEqualTo("RegionOne");
        assertThat(e.get("enabled").asBoolean()).isTrue();
        assertThat(e.get("note").asString()).isEqualTo("extra");

        var updated = admin.patch("/v3/endpoints/" + id, Map.of("endpoint", Map.of("url", "http://example.com/v2",
                "interface", "public", "enabled", false)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode fetched = admin.get("/v3/endpoints/" + id).json().get("endpoint");
        assertThat(fetched.get("url").asString()).isEqualTo("http://example.com/v2");
        assertThat(fetched.get("interface").asString()).isEqualTo("public");
        assertThat(fetched.get("enabled").asBoolean()).isFalse();

        assertThat(admin.get("/v3/endpoints?service_id=" + serviceId).json().get("endpoints").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(admin.get("/v3/endpoints?interface=public").json().get("endpoints").findValuesAsString("id"))
                .contains(id);
        assertThat(admin.get("/v3/endpoints?interface=internal").json().get("endpoints").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(admin.get("/v3/endpoints?region_id=RegionOne").json().get("endpoints").findValuesAsString("id"))
                .contains(id);

        assertThat(admin.delete("/v3/endpoints/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/endpoints/" + id).status()).isEqualTo(404);
    }

    @Test
    void anEndpointNamingALegacyRegionCreatesThatRegion() {
        String region = unique("legacy");
        Map<String, Object> body = endpoint(service(unique("type")), "public", "http://example.com/");
        body.put("region", region);
        JsonNode e = created(admin.post("/v3/endpoints", Map.of("endpoint", body)), "endpoint");
        assertThat(e.get("region_id").asString()).isEqualTo(region);
        assertThat(admin.get("/v3/regions/" + region).status()).isEqualTo(200);
    }

    @Test
    void anEndpointWithABadInterfaceMissingUrlUnknownServiceOrUnknownRegionIs400() {
        String serviceId = service(unique("type"));
        assertThat(admin.post("/v3/endpoints", Map.of("endpoint", endpoint(serviceId, "private", "http://x/"))).status())
                .isEqualTo(400);
        assertThat(admin.post("/v3/endpoints", Map.of("endpoint", Map.of("service_id", serviceId, "interface", "public")))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v3/endpoints", Map.of("endpoint", endpoint("no-such-service", "public", "http://x/")))
                .status()).isEqualTo(400);
        Map<String, Object> body = endpoint(serviceId, "public", "http://x/");
        body.put("region_id", "no-such-region");
        assertThat(admin.post("/v3/endpoints", Map.of("endpoint", body)).status()).isEqualTo(400);
        assertThat(admin.get("/v3/regions/no-such-region").status()).isEqualTo(404);
    }

    @Test
    void enabledMustBeARealBooleanOnCreateAndUpdate() {
        String serviceId = service(unique("type"));
        for (String bad : List.of("True", "False")) {
            Map<String, Object> body = endpoint(serviceId, "public", "http://example.com/");
            body.put("enabled", bad);
            assertThat(admin.post("/v3/endpoints", Map.of("endpoint", body)).status()).isEqualTo(400);
        }
        String id = created(admin.post("/v3/endpoints", Map.of("endpoint",
                endpoint(serviceId, "public", "http://example.com/"))), "endpoint").get("id").asString();
        assertThat(admin.patch("/v3/endpoints/" + id, Map.of("endpoint", Map.of("enabled", "True"))).status())
                .isEqualTo(400);
        assertThat(admin.patch("/v3/endpoints/" + id, Map.of("endpoint", Map.of("enabled", "False"))).status())
                .isEqualTo(400);
    }

    @Test
    void aNewEndpointShowsUpInANewTokensCatalog() {
        String type = unique("type");
        String serviceId = service(type);
        created(admin.post("/v3/endpoints", Map.of("endpoint",
                endpoint(serviceId, "public", "http://example.com/$(project_id)s"))), "endpoint");
        String token = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        JsonNode catalog = admin.withHeader("X-Subject-Token", token).get("/v3/auth/tokens").json()
                .get("token").get("catalog");
        JsonNode entry = null;
        for (JsonNode e : catalog) {
            if (e.get("type").asString().equals(type)) {
                entry = e;
            }
        }
        assertThat(entry).as("catalog entry of type " + type).isNotNull();
        assertThat(entry.get("endpoints").get(0).get("url").asString()).isEqualTo("http://example.com/" + adminProjectId());
    }

    // ---- OS-EP-FILTER ----

    @Test
    void anEndpointGroupCanBeCreatedCheckedUpdatedListedAndDeleted() {
        String serviceId = service(unique("type"));
        String endpointId = created(admin.post("/v3/endpoints", Map.of("endpoint",
                endpoint(serviceId, "public", "http://example.com/"))), "endpoint").get("id").asString();
        JsonNode group = created(admin.post("/v3/OS-EP-FILTER/endpoint_groups", Map.of("endpoint_group",
                Map.of("name", "g", "description", "d", "filters", Map.of("service_id", serviceId)))), "endpoint_group");
        String id = group.get("id").asString();
        String path = "/v3/OS-EP-FILTER/endpoint_groups/" + id;
        assertThat(group.get("filters").get("service_id").asString()).isEqualTo(serviceId);
        assertThat(admin.head(path).status()).isEqualTo(200);
        assertThat(admin.get(path).json().get("endpoint_group").get("name").asString()).isEqualTo("g");
        assertThat(admin.get("/v3/OS-EP-FILTER/endpoint_groups").json().get("endpoint_groups").findValuesAsString("id"))
                .contains(id);
        assertThat(admin.get(path + "/endpoints").json().get("endpoints").findValuesAsString("id"))
                .containsExactly(endpointId);

        var updated = admin.patch(path, Map.of("endpoint_group", Map.of("name", "g2",
                "filters", Map.of("service_id", serviceId, "interface", "admin"))));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("endpoint_group").get("name").asString()).isEqualTo("g2");
        assertThat(admin.get(path + "/endpoints").json().get("endpoints").size()).isZero();

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.head(path).status()).isEqualTo(404);
    }

    @Test
    void anEndpointGroupNeedsANameAndKnownFilters() {
        String base = "/v3/OS-EP-FILTER/endpoint_groups";
        assertThat(admin.post(base, Map.of("endpoint_group", Map.of("filters", Map.of("interface", "public"))))
                .status()).isEqualTo(400);
        assertThat(admin.post(base, Map.of("endpoint_group", Map.of("name", "g", "filters", Map.of("colour", "red"))))
                .status()).isEqualTo(400);
        assertThat(admin.post(base, Map.of("endpoint_group", Map.of("name", "g", "filters", Map.of("interface", "x"))))
                .status()).isEqualTo(400);
    }

    @Test
    void anEndpointGroupIsAssociatedWithAProjectAndBack() {
        String project = adminProjectId();
        String id = created(admin.post("/v3/OS-EP-FILTER/endpoint_groups", Map.of("endpoint_group",
                Map.of("name", "g", "filters", Map.of("interface", "public")))), "endpoint_group").get("id").asString();
        String association = "/v3/OS-EP-FILTER/endpoint_groups/" + id + "/projects/" + project;
        assertThat(admin.head(association).status()).isEqualTo(404);
        assertThat(admin.put(association, "").status()).isEqualTo(204);
        assertThat(admin.head(association).status()).isEqualTo(200);
        assertThat(admin.get(association).json().get("project").get("id").asString()).isEqualTo(project);
        assertThat(admin.get("/v3/OS-EP-FILTER/endpoint_groups/" + id + "/projects").json().get("projects")
                .findValuesAsString("id")).containsExactly(project);
        assertThat(admin.get("/v3/OS-EP-FILTER/projects/" + project + "/endpoint_groups").json().get("endpoint_groups")
                .findValuesAsString("id")).contains(id);
        assertThat(admin.delete(association).status()).isEqualTo(204);
        assertThat(admin.delete(association).status()).isEqualTo(404);
        assertThat(admin.put("/v3/OS-EP-FILTER/endpoint_groups/" + id + "/projects/no-such-project", "").status())
                .isEqualTo(404);
    }

    @Test
    void anEndpointIsAssociatedWithAProjectAndBack() {
        String project = adminProjectId();
        String endpointId = created(admin.post("/v3/endpoints", Map.of("endpoint",
                endpoint(service(unique("type")), "public", "http://example.com/"))), "endpoint").get("id").asString();
        String association = "/v3/OS-EP-FILTER/projects/" + project + "/endpoints/" + endpointId;
        assertThat(admin.head(association).status()).isEqualTo(404);
        assertThat(admin.put(association, "").status()).isEqualTo(204);
        assertThat(admin.head(association).status()).isEqualTo(204);
        assertThat(admin.get("/v3/OS-EP-FILTER/projects/" + project + "/endpoints").json().get("endpoints")
                .findValuesAsString("id")).contains(endpointId);
        assertThat(admin.get("/v3/OS-EP-FILTER/endpoints/" + endpointId + "/projects").json().get("projects")
                .findValuesAsString("id")).containsExactly(project);
        assertThat(admin.delete(association).status()).isEqualTo(204);
        assertThat(admin.head(association).status()).isEqualTo(404);
        assertThat(admin.put("/v3/OS-EP-FILTER/projects/" + project + "/endpoints/no-such-endpoint", "").status())
                .isEqualTo(404);
    }

    // ---- access and malformed input ----

    @Test
    void callsWithoutATokenAre401() {
        ApiClient anonymous = server.client();
        assertThat(anonymous.get("/v3/regions").status()).isEqualTo(401);
        assertThat(anonymous.post("/v3/services", Map.of("service", Map.of("type", "x"))).status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/endpoints").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/OS-EP-FILTER/endpoint_groups").status()).isEqualTo(401);
    }

    @Test
    void malformedBodiesAre400sNot500s() {
        for (String path : List.of("/v3/regions", "/v3/services", "/v3/endpoints", "/v3/OS-EP-FILTER/endpoint_groups")) {
            assertThat(admin.post(path, "{not json").status()).as(path).isEqualTo(400);
            assertThat(admin.post(path, "[1,2]").status()).as(path).isEqualTo(400);
            assertThat(admin.post(path, Map.of("wrong", Map.of())).status()).as(path).isEqualTo(400);
        }
        assertThat(admin.patch("/v3/regions/RegionOne", Map.of("region", "x")).status()).isEqualTo(400);
        assertThat(admin.patch("/v3/regions/RegionOne", Map.of("region", Map.of())).status()).isEqualTo(400);
    }

    @Test
    void unknownIdsAre404() {
        for (String path : List.of("/v3/regions/nope", "/v3/services/nope", "/v3/endpoints/nope",
                "/v3/OS-EP-FILTER/endpoint_groups/nope")) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(404);
            assertThat(admin.delete(path).status()).as(path).isEqualTo(404);
        }
    }
}
