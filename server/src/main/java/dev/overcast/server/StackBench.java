package dev.overcast.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.config.ConfigLoader;
import dev.overcast.core.json.Json;

/**
 * {@code overcast bench stack}: creates and deletes stacks of {@code OS::Heat::TestResource}s
 * (all independent — fan-out — and each depending on the one before — a chain) through a
 * throw-away all-in-one server per engine (legacy, then convergence), and prints the time from the
 * create (or delete) request to CREATE_COMPLETE (or DELETE_COMPLETE), as a client polling the
 * stack sees it.
 */
final class StackBench {
    private final List<Integer> sizes;
    private final HttpClient http = HttpClient.newHttpClient();

    StackBench(List<Integer> sizes) {
        this.sizes = List.copyOf(sizes);
    }

    int run() throws Exception {
        System.out.printf("Overcast stack benchmark: OS::Heat::TestResource stacks, embedded H2, in-process bus, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        for (String engine : List.of("legacy", "convergence")) {
            run(engine);
        }
        return 0;
    }

    private void run(String engine) throws Exception {
        Path dir = Files.createTempDirectory("overcast-bench-stack");
        String password = "bench-password";
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                Map.of("port", 0, "data_dir", dir.toString(), "admin_password", password, "password_hash_rounds", 4,
                        "orchestration", Map.of("default_engine", engine)));
        try (Overcast overcast = Overcast.start(config)) {
            JsonNode auth = token(overcast, password);
            String token = auth.get("token").asString();
            String stacks = overcast.url() + "/orchestration/v1/" + auth.get("project").asString() + "/stacks";
            System.out.printf("%s engine%n", engine);
            System.out.printf("  %-10s %-8s %18s %18s%n", "resources", "shape", "CREATE_COMPLETE", "DELETE_COMPLETE");
            for (int size : sizes) {
                for (boolean chain : new boolean[] {false, true}) {
                    String name = "bench-" + size + (chain ? "-chain" : "-fanout");
                    long start = System.nanoTime();
                    JsonNode created = send(token, "POST", stacks, Map.of("stack_name", name,
                            "template", Json.write(template(size, chain))), 201);
                    String self = stacks + "/" + name + "/" + created.get("stack").get("id").asString();
                    String createStatus = await(token, self);
                    double createSeconds = (System.nanoTime() - start) / 1e9;
                    start = System.nanoTime();
                    send(token, "DELETE", self, null, 204);
                    String deleteStatus = await(token, self);
                    double deleteSeconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %-10d %-8s %12.2f s %-4s %12.2f s %s%n", size, chain ? "chain" : "fan-out",
                            createSeconds, createStatus.equals("CREATE_COMPLETE") ? "" : createStatus,
                            deleteSeconds, deleteStatus.equals("DELETE_COMPLETE") ? "" : deleteStatus);
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, Object> template(int size, boolean chain) {
        Map<String, Object> resources = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", "OS::Heat::TestResource");
            r.put("properties", Map.of("value", "v" + i));
            if (chain && i > 0) {
                r.put("depends_on", "r" + (i - 1));
            }
            resources.put("r" + i, r);
        }
        return Map.of("heat_template_version", "2018-08-31", "resources", resources);
    }

    /** Polls until the action ends; returns the stack's final status. */
    private String await(String token, String self) throws Exception {
        while (true) {
            JsonNode stack = send(token, "GET", self + "?resolve_outputs=false", null, 200).get("stack");
            String status = stack.get("stack_status").asString();
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
            Thread.sleep(20);
        }
    }

    private JsonNode send(String token, String method, String url, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + reply.statusCode() + ": "
                    + reply.body());
        }
        return reply.body().isEmpty() ? Json.object() : Json.parse(reply.body());
    }

    /** The admin's token and project id, as {@code {"token": ..., "project": ...}}. */
    private JsonNode token(Overcast overcast, String password) throws Exception {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                  "domain": {"id": "default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}""".formatted(password);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(overcast.identityUrl()
                        + "/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        var out = Json.object();
        out.put("token", reply.headers().firstValue("X-Subject-Token").orElseThrow());
        out.put("project", Json.parse(reply.body()).get("token").get("project").get("id").asString());
        return out;
    }
}
