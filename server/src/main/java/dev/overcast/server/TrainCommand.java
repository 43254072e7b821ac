package dev.overcast.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.overcast.core.config.ConfigLoader;
import picocli.CommandLine.Command;

/**
 * {@code overcast aot-train}: the training run for the JDK's ahead-of-time cache. It starts a
 * throw-away server, walks the common requests once and exits; run under
 * {@code -XX:AOTCacheOutput=FILE}, the JVM then writes the classes it loaded and linked, and
 * later starts with {@code -XX:AOTCache=FILE} skip that work. The launcher does this after
 * each build.
 */
@Command(name = "aot-train", hidden = true, description = "Training run for the JDK AOT cache (used by ./overcast).")
final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("overcast-train");
        try {
            OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                    Map.of("port", 0, "data_dir", dir.toString(), "admin_password", "training-password"));
            try (Overcast overcast = Overcast.start(config)) {
                HttpClient http = HttpClient.newHttpClient();
                String base = overcast.identityUrl();
                HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                                  "domain": {"id": "default"}, "password": "training-password"}}},
                                  "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}"""))
                        .build(), HttpResponse.BodyHandlers.ofString());
                String token = issued.headers().firstValue("X-Subject-Token").orElseThrow(
                        () -> new IllegalStateException("training token issue answered " + issued.statusCode()));
                for (String path : new String[] {"/projects", "/users", "/roles", "/role_assignments?include_names",
                        "/domains", "/services", "/endpoints", "/auth/catalog"}) {
                    http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Auth-Token", token).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                http.send(HttpRequest.newBuilder(URI.create(base + "/projects")).header("X-Auth-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"project\": {\"name\": \"training\"}}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
