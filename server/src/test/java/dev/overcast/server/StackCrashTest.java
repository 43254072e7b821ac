package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.bus.RabbitVhost;
import dev.overcast.core.json.Json;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A stack of 200 resources survives the process that creates it being killed (SIGKILL) midway:
 * on the convergence engine the stack completes (after a restart of the all-in-one, or on the
 * other engine process when one of two on PostgreSQL and RabbitMQ dies); on the legacy engine it
 * fails cleanly with Heat's "Engine went down" and an update finishes it. Never stuck IN_PROGRESS.
 */
class StackCrashTest {
    private static final int RESOURCES = 200;
    private static final int LANES = 10;

    @Nested
    class AllInOneKilledAndRestarted {
        @Test
        void convergenceCompletesTheStack(@TempDir Path dir) throws Exception {
            int port = freePort();
            Process first = start(dir, port, "convergence", "engine-a", Map.of());
            String path;
            try {
                path = createAndWaitForProgress(port);
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = start(dir, port, "convergence", "engine-a", Map.of());
            try {
                assertThat(settle(port, path)).as(() -> why(port, path)).isEqualTo("CREATE_COMPLETE");
                assertAllResources(port, path, "CREATE_COMPLETE");
            } finally {
                stop(second);
            }
        }

        @Test
        void legacyFailsCleanlyAndAnUpdateFinishesTheStack(@TempDir Path dir) throws Exception {
            int port = freePort();
            Process first = start(dir, port, "legacy", "engine-a", Map.of());
            String path;
            try {
                path = createAndWaitForProgress(port);
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = start(dir, port, "legacy", "engine-a", Map.of());
            try {
                assertFailedAndResumable(port, path);
            } finally {
                stop(second);
            }
        }
    }

    @Nested
    class OneOfTwoEnginesOnPostgresqlAndRabbitMqKilled {
        @Test
        void convergenceCompletesTheStackOnTheOtherEngine(@TempDir Path dir) throws Exception {
            killOneOfTwo(dir, "convergence", (portB, path) -> {
                assertThat(settle(portB, path)).as(() -> why(portB, path)).isEqualTo("CREATE_COMPLETE");
                assertAllResources(portB, path, "CREATE_COMPLETE");
            });
        }

        @Test
        void legacyFailsCleanlyOnTheOtherEngineAndAnUpdateFinishesTheStack(@TempDir Path dir) throws Exception {
            killOneOfTwo(dir, "legacy", StackCrashTest::assertFailedAndResumable);
        }

        /**
         * Starts engines a and b on one PostgreSQL database and RabbitMQ vhost, creates the stack
         * through a, kills a, and hands b's port and the stack's path to {@code then}.
         */
        private static void killOneOfTwo(Path dir, String engine, java.util.function.BiConsumer<Integer, String> then)
                throws Exception {
            try (TestDatabase db = TestDatabase.create("postgresql");
                 RabbitVhost vhost = RabbitVhost.create("stack-crash")) {
                Map<String, String> shared = shared(db, vhost);
                int portA = freePort();
                int portB = freePort();
                Process a = start(dir, portA, engine, "engine-a", shared);
                Process b = start(dir, portB, engine, "engine-b", shared);
                try {
                    String path;
                    try {
                        path = createAndWaitForProgress(portA);
                    } finally {
                        a.destroyForcibly().waitFor();
                    }
                    then.accept(portB, path);
                } finally {
                    a.destroyForcibly().waitFor();
                    stop(b);
                }
            }
        }

        private static Map<String, String> shared(TestDatabase db, RabbitVhost vhost) {
            // Two all-in-ones at 8 connections per service would take most of PostgreSQL's 100.
            return Map.of("OVERCAST_DATABASE_URL", db.settings().url(), "OVERCAST_DATABASE_USER", db.settings().user(),
                    "OVERCAST_DATABASE_POOL_SIZE", "3", "OVERCAST_BUS_URL", vhost.settings().uri());
        }
    }

    /**
     * 200 test resources in ten lanes of twenty, each waiting 0.3 s: about six seconds of work, so
     * that on a loaded machine, where one poll of the resources can take a second, the engine is
     * still killed mid-stack. Returns once a quarter of them are done, with the rest in flight or
     * waiting.
     */
    private static String createAndWaitForProgress(int port) {
        ApiClient heat = heat(port);
        Map<String, Object> resources = new LinkedHashMap<>();
        for (int i = 0; i < RESOURCES; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", "OS::Heat::TestResource");
            r.put("properties", Map.of("value", "v" + i, "wait_secs", 0.3));
            if (i >= LANES) {
                r.put("depends_on", "r" + (i - LANES));
            }
            resources.put("r" + i, r);
        }
        String template = Json.write(Map.of("heat_template_version", "2018-08-31", "resources", resources));
        var created = heat.post("/stacks", Map.of("stack_name", "big", "template", template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/stacks/big/" + created.json().at("/stack/id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                complete(heat, path) >= RESOURCES / 4);
        assertThat(complete(heat, path)).as("resources done when the engine is killed").isLessThan(RESOURCES);
        return path;
    }

    private static long complete(ApiClient heat, String path) {
        JsonNode resources = heat.get(path + "/resources").json().path("resources");
        long done = 0;
        for (JsonNode r : resources) {
            if (r.path("resource_status").asString().endsWith("_COMPLETE")
                    && !r.path("resource_action").asString().equals("INIT")) {
                done++;
            }
        }
        return done;
    }

    private static String settle(int port, String path) {
        ApiClient heat = heat(port);
        Map<String, String> status = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status.put("s", heat.get(path).json().at("/stack/stack_status").asString());
            return !status.get("s").endsWith("_IN_PROGRESS");
        });
        return status.get("s");
    }

    /** The stack's status reason and those of its resources that did not complete, for a failure's message. */
    private static String why(int port, String path) {
        ApiClient heat = heat(port);
        StringBuilder out = new StringBuilder(heat.get(path).json().at("/stack/stack_status_reason").asString());
        for (JsonNode r : heat.get(path + "/resources").json().path("resources")) {
            if (!r.path("resource_status").asString().equals("COMPLETE")) {
                out.append("; ").append(r.path("resource_name").asString()).append(' ')
                        .append(r.path("resource_action").asString()).append('_')
                        .append(r.path("resource_status").asString()).append(": ")
                        .append(r.path("resource_status_reason").asString());
            }
        }
        return out.toString();
    }

    private static void assertAllResources(int port, String path, String status) {
        JsonNode resources = heat(port).get(path + "/resources").json().path("resources");
        assertThat(resources).hasSize(RESOURCES);
        for (JsonNode r : resources) {
            assertThat(r.path("resource_status").asString()).as(r.path("resource_name").asString()).isEqualTo(status);
        }
    }

    private static void assertFailedAndResumable(int port, String path) {
        ApiClient heat = heat(port);
        assertThat(settle(port, path)).isEqualTo("CREATE_FAILED");
        assertThat(heat.get(path).json().at("/stack/stack_status_reason").asString())
                .isEqualTo("Engine went down during stack CREATE");
        var update = heat.patch(path, Map.of());
        assertThat(update.status()).as(update.body()).isEqualTo(202);
        assertThat(settle(port, path)).isEqualTo("UPDATE_COMPLETE");
        JsonNode resources = heat.get(path + "/resources").json().path("resources");
        assertThat(resources).hasSize(RESOURCES);
        for (JsonNode r : resources) {
            assertThat(r.path("resource_status").asString()).as(r.path("resource_name").asString())
                    .isIn("CREATE_COMPLETE", "UPDATE_COMPLETE");
        }
    }

    private static Process start(Path dir, int port, String engine, String engineId, Map<String, String> extra)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.overcast.server.Main", "--data-dir", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "stack-crash-" + engineId + "-" + System.nanoTime() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("OVERCAST_ADMIN_PASSWORD", "pw");
        env.put("OVERCAST_PASSWORD_HASH_ROUNDS", "4");
        env.put("OVERCAST_COMPUTE_FAKE_HOSTS", "0");
        env.put("OVERCAST_ACCESS_LOG_LEVEL", "WARN");
        env.put("OVERCAST_ORCHESTRATION_DEFAULT_ENGINE", engine);
        env.put("OVERCAST_ORCHESTRATION_ENGINE_ID", engineId);
        env.put("OVERCAST_ORCHESTRATION_ENGINE_LEASE_SECONDS", "3");
        env.putAll(extra);
        Process p = pb.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                new ApiClient("http://127.0.0.1:" + port).get("/healthcheck").status() == 200);
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static ApiClient heat(int port) {
        var token = new ApiClient("http://127.0.0.1:" + port + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        String project = token.json().at("/token/project/id").asString();
        return new ApiClient("http://127.0.0.1:" + port + "/orchestration/v1/" + project)
                .withToken(token.header("X-Subject-Token"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
