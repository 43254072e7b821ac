package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.config.ConfigLoader;
import dev.overcast.testkit.ApiClient;

/**
 * Bad input is a clear 4xx, never a 500: malformed and mistyped bodies, wrong content types
 * and odd query strings thrown at every writing route of every service.
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static ApiClient admin;
    static String image;

    private static final List<String> BODIES = List.of("", "{", "[]", "null", "1", "\"x\"", "{\"a\":",
            "{\"name\": \"\\u00e9\\u0000\"}", "{\"name\": 1}", "{\"name\": null}", "{\"name\": [1]}",
            "{\"name\": {\"a\": 1}}", "{\"project\": \"x\"}", "{\"project\": {\"name\": 5}}",
            "{\"user\": {\"name\": \"" + "x".repeat(70_000) + "\"}}");
    private static final List<String> CONTENT_TYPES = List.of("application/json",
            "application/openstack-images-v2.1-json-patch", "text/plain");

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ConfigLoader.load(OvercastConfig.class, null, Map.of(), Map.of(
                "port", 0, "data_dir", dir.toString(), "admin_password", "pw", "password_hash_rounds", 4)));
        var token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of("name", "admin",
                        "domain", Map.of("id", "default"), "password", "pw"))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        admin = new ApiClient(overcast.url()).withToken(token.header("X-Subject-Token"));
        image = admin.post("/image/v2/images", Map.of("name", "x", "disk_format", "raw", "container_format", "bare"))
                .json().get("id").asString();
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    @Test
    void malformedBodiesOnEveryWritingRouteAreNever5xx() {
        List<String> routes = List.of("POST /identity/v3/projects", "POST /identity/v3/users", "POST /identity/v3/roles",
                "POST /identity/v3/domains", "POST /identity/v3/groups", "POST /identity/v3/regions",
                "POST /identity/v3/services", "POST /identity/v3/endpoints", "POST /identity/v3/credentials",
                "POST /identity/v3/OS-TRUST/trusts", "POST /identity/v3/auth/tokens", "PATCH /identity/v3/projects/default",
                "PATCH /identity/v3/users/x", "PUT /identity/v3/projects/default/tags",
                "POST /identity/v3/users/x/application_credentials", "POST /identity/v3/users/x/password",
                "POST /identity/v3/OS-OAUTH1/consumers", "POST /identity/v3/policies",
                "POST /image/v2/images", "PATCH /image/v2/images/" + image, "POST /image/v2/images/" + image + "/members",
                "PUT /image/v2/images/" + image + "/members/x", "POST /image/v2/images/" + image + "/import",
                "POST /image/v2/metadefs/namespaces");
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            for (String body : BODIES) {
                for (String type : CONTENT_TYPES) {
                    var reply = admin.withHeader("Content-Type", type).send(parts[0], parts[1], body);
                    if (reply.status() >= 500) {
                        failures.add(route + " " + type + " " + body.substring(0, Math.min(40, body.length())));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void badJsonPatchesAndQueriesAreNever5xx() {
        List<String> patches = List.of("[{\"op\":\"add\",\"path\":\"/status\",\"value\":\"active\"}]",
                "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]", "[{\"op\":\"bogus\",\"path\":\"/name\"}]",
                "[{\"op\":\"add\",\"path\":\"name\",\"value\":\"x\"}]", "[{\"op\":\"add\",\"path\":\"/a/b/c\",\"value\":\"x\"}]",
                "[{\"op\":\"add\"}]", "[{}]", "{\"op\":\"add\"}", "[{\"op\":\"remove\",\"path\":\"/nope\"}]",
                "[{\"op\":\"add\",\"path\":\"/visibility\",\"value\":\"nope\"}]",
                "[{\"op\":\"add\",\"path\":\"/min_ram\",\"value\":\"x\"}]", "[{\"op\":\"add\",\"path\":\"/tags\",\"value\":\"x\"}]",
                "[{\"op\":\"add\",\"path\":\"/prop\",\"value\":5}]", "[{\"op\":\"add\",\"path\":\"/\",\"value\":5}]");
        for (String patch : patches) {
            assertThat(admin.withHeader("Content-Type", "application/openstack-images-v2.1-json-patch")
                    .patch("/image/v2/images/" + image, patch).status()).as(patch).isBetween(400, 499);
        }
        for (String query : List.of("?limit=-1", "?limit=x", "?marker=nope", "?sort_key=bogus", "?sort_dir=up",
                "?sort=name:sideways", "?created_at=gte:notadate", "?size_min=x", "?member_status=x")) {
            assertThat(admin.get("/image/v2/images" + query).status()).as(query).isBetween(400, 499);
        }
        for (String query : List.of("?enabled=maybe", "?is_domain=x")) {
            assertThat(admin.get("/identity/v3/projects" + query).status()).as(query).isBetween(400, 499);
        }
        assertThat(admin.withHeader("Content-Type", "application/json").put("/image/v2/images/" + image + "/file", "abc")
                .status()).isEqualTo(415);
    }
}
