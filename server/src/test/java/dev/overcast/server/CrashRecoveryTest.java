package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Builds and deletes survive the process being killed: the all-in-one runs as a child process,
 * is killed (SIGKILL) while servers are being built and deleted, and is started again on the
 * same data directory. Every server must end ACTIVE or gone, none stuck in BUILD or deleting,
 * and Placement must hold a claim for exactly the servers that live.
 */
class CrashRecoveryTest {

    @Test
    void killingTheProcessMidFlightLeavesNoServerStuckAndNoClaimLeaked(@TempDir Path dir) throws Exception {
        int port = freePort();
        Process first = start(dir, port);
        List<String> built = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try {
            ApiClient nova = nova(port);
            String image = image(port);
            for (int i = 0; i < 3; i++) {
                deleted.add(create(nova, image, "doomed-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> deleted.stream().allMatch(id ->
                    "ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString())));
            for (int i = 0; i < 6; i++) {
                built.add(create(nova, image, "survivor-" + i));
            }
            for (String id : deleted) {
                assertThat(nova.delete("/servers/" + id).status()).isEqualTo(204);
            }
            Thread.sleep(300); // Some builds are spawning, some deletes are running.
            long building = built.stream().filter(id ->
                    !"ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString())).count();
            assertThat(building).as("servers still building when the process is killed").isPositive();
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(dir, port);
        try {
            ApiClient nova = nova(port);
            Map<String, String> states = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (String id : built) {
                        JsonNode s = nova.get("/servers/" + id).json().path("server");
                        states.put(id, s.path("status").asString() + "/" + s.path("OS-EXT-STS:task_state").asString());
                    }
                    for (String id : deleted) {
                        Reply r = nova.get("/servers/" + id);
                        states.put(id, r.status() == 404 ? "gone" : r.json().at("/server/status").asString() + "/"
                                + r.json().at("/server/OS-EXT-STS:task_state").asString());
                    }
                    return built.stream().allMatch(id -> states.get(id).startsWith("ACTIVE/"))
                            && deleted.stream().allMatch(id -> states.get(id).equals("gone"));
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("servers did not settle after the restart: " + states, e);
            }
            JsonNode servers = nova.get("/servers/detail").json().path("servers");
            for (JsonNode s : servers) {
                assertThat(s.path("OS-EXT-STS:task_state").isNull()).as(s.path("name").asString()).isTrue();
            }
            assertThat(claimedConsumers(port)).containsExactlyInAnyOrderElementsOf(built);
            // The restarted hosts still run the servers: their console logs are there.
            Reply console = nova.post("/servers/" + built.getFirst() + "/action",
                    Map.of("os-getConsoleOutput", Map.of("length", 5)));
            assertThat(console.status()).as(console.body()).isEqualTo(200);
            assertThat(console.json().path("output").asString()).isNotEmpty();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process start(Path dir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.overcast.server.Main", "--data-dir", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "crash-recovery-" + System.nanoTime() + ".log")
                        .toFile());
        Map<String, String> env = pb.environment();
        env.put("OVERCAST_ADMIN_PASSWORD", "pw");
        env.put("OVERCAST_PASSWORD_HASH_ROUNDS", "4");
        env.put("OVERCAST_COMPUTE_FAKE_HOSTS", "4");
        env.put("OVERCAST_COMPUTE_SPAWN_LATENCY_MS", "1500");
        env.put("OVERCAST_COMPUTE_WORKFLOW_LEASE_SECONDS", "2");
        env.put("OVERCAST_COMPUTE_SWEEP_INTERVAL_SECONDS", "1");
        env.put("OVERCAST_ACCESS_LOG_LEVEL", "WARN");
        Process p = pb.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                new ApiClient("http://127.0.0.1:" + port).get("/healthcheck").status() == 200);
        return p;
    }

    private static String token(int port) {
        return new ApiClient("http://127.0.0.1:" + port + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))))
                .header("X-Subject-Token");
    }

    private static ApiClient nova(int port) {
        return new ApiClient("http://127.0.0.1:" + port + "/compute/v2.1").withToken(token(port))
                .withHeader("OpenStack-API-Version", "compute 2.96");
    }

    private static String image(int port) {
        return new ApiClient("http://127.0.0.1:" + port + "/image").withToken(token(port)).get("/v2/images").json()
                .at("/images/0/id").asString();
    }

    private static String create(ApiClient nova, String image, String name) {
        Reply r = nova.post("/servers", Map.of("server", Map.of("name", name, "imageRef", image, "flavorRef", "1",
                "networks", "none")));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().at("/server/id").asString();
    }

    /** Every consumer holding an allocation on any resource provider. */
    private static Set<String> claimedConsumers(int port) {
        ApiClient placement = new ApiClient("http://127.0.0.1:" + port + "/placement").withToken(token(port))
                .withHeader("OpenStack-API-Version", "placement 1.39");
        Set<String> consumers = new HashSet<>();
        for (JsonNode rp : placement.get("/resource_providers").json().path("resource_providers")) {
            placement.get("/resource_providers/" + rp.path("uuid").asString() + "/allocations").json()
                    .path("allocations").propertyNames().forEach(consumers::add);
        }
        return consumers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
