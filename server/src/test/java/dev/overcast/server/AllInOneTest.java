package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.config.ConfigLoader;
import dev.overcast.testkit.ApiClient;

/** The all-in-one server as `./overcast` starts it: embedded H2 under a data dir, one port. */
class AllInOneTest {

    private static OvercastConfig config(Path dir, Map<String, String> env) {
        return ConfigLoader.load(OvercastConfig.class, null, env,
                Map.of("port", 0, "data_dir", dir.toString(), "password_hash_rounds", 4));
    }

    @Test
    void firstStartGeneratesAnAdminPasswordSavedPrivatelyAndKeepsItOnRestart(@TempDir Path dir) throws Exception {
        String password;
        try (Overcast overcast = Overcast.start(config(dir, Map.of()))) {
            password = overcast.adminPassword();
            Path file = dir.resolve("admin-password");
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Banner.text(overcast)).contains(overcast.identityUrl(), password, "OS_AUTH_URL", "clouds:");
        }
        try (Overcast again = Overcast.start(config(dir, Map.of()))) {
            assertThat(again.adminPassword()).isEqualTo(password);
            assertThat(token(again, password)).isEqualTo(201);
        }
    }

    @Test
    void theAdminPasswordCanComeFromTheEnvironment(@TempDir Path dir) {
        try (Overcast overcast = Overcast.start(config(dir, Map.of("OVERCAST_ADMIN_PASSWORD", "from-env")))) {
            assertThat(overcast.adminPassword()).isEqualTo("from-env");
            assertThat(token(overcast, "from-env")).isEqualTo(201);
            assertThat(Files.exists(dir.resolve("admin-password"))).isFalse();
        }
    }

    @Test
    void healthcheckAndMetricsAnswer(@TempDir Path dir) {
        try (Overcast overcast = Overcast.start(config(dir, Map.of()))) {
            ApiClient client = new ApiClient(overcast.url());
            assertThat(client.get("/healthcheck").status()).isEqualTo(200);
            client.get("/identity/v3");
            var metrics = client.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("http_server_requests");
            assertThat(client.get("/nothing").status()).isEqualTo(404);
        }
    }

    @Test
    void theCatalogAdvertisesThePublicUrl(@TempDir Path dir) {
        try (Overcast overcast = Overcast.start(config(dir, Map.of()))) {
            var reply = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", authBody(overcast.adminPassword()));
            List<String> urls = new java.util.ArrayList<>();
            for (var service : reply.json().get("token").get("catalog")) {
                service.get("endpoints").forEach(e -> urls.add(service.get("type").asString() + " "
                        + e.get("url").asString()));
            }
            assertThat(urls).contains("identity " + overcast.url() + "/identity",
                    "compute " + overcast.url() + "/compute/v2.1", "network " + overcast.url() + "/network");
            String project = reply.json().get("token").get("project").get("id").asString();
            assertThat(urls).contains("orchestration " + overcast.url() + "/orchestration/v1/" + project);
        }
    }

    private static int token(Overcast overcast, String password) {
        return new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", authBody(password)).status();
    }

    private static Map<String, Object> authBody(String password) {
        return Map.of("auth", Map.of("identity", Map.of("methods", List.of("password"),
                        "password", Map.of("user", Map.of("name", "admin", "domain", Map.of("id", "default"),
                                "password", password))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default")))));
    }
}
