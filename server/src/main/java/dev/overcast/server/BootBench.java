package dev.overcast.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.overcast.core.bus.Notification;
import dev.overcast.core.bus.Subscription;
import dev.overcast.core.config.ConfigLoader;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code overcast bench boot}: the all-in-one with many simulated hosts, driven over its HTTP API
 * as a client would. It prints the median (and p90, p99) time from {@code POST /servers} to the
 * server being ACTIVE for servers booted one at a time, then the time for a burst of servers
 * requested at once to all reach ACTIVE. ACTIVE is seen from the {@code instance.create.end}
 * notification, published right after the state is written; the last server of each phase is
 * also read back over the API.
 */
final class BootBench {
    private final int hosts;
    private final int servers;
    private final int singles;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    BootBench(int hosts, int servers, int singles, int concurrency) {
        this.hosts = hosts;
        this.servers = servers;
        this.singles = singles;
        this.concurrency = concurrency;
    }

    int run() throws Exception {
        Path dir = Files.createTempDirectory("overcast-bench-boot");
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, Map.of(), Map.of("port", 0,
                "data_dir", dir.toString(), "admin_password", "bench", "password_hash_rounds", 4,
                "compute", Map.of("fake_hosts", hosts)));
        long setup = System.nanoTime();
        try (Overcast overcast = Overcast.start(config);
             Subscription ends = overcast.bus().subscribe("versioned_notifications", "instance.create.",
                     this::finished)) {
            String token = token(overcast);
            String nova = overcast.url() + "/compute/v2.1";
            String image = Json.parse(send(token, "GET", overcast.url() + "/image/v2/images", null).body())
                    .at("/images/0/id").asString();
            String project = Json.parse(send(token, "GET", overcast.identityUrl() + "/auth/projects", null).body())
                    .at("/projects/0/id").asString();
            send(token, "PUT", nova + "/os-quota-sets/" + project, Map.of("quota_set",
                    Map.of("instances", -1, "cores", -1, "ram", -1)));
            waitForHosts(token, nova);
            System.out.printf("Overcast boot benchmark: %d simulated hosts, %d cores, max heap %d MiB, set up in %.1f s%n",
                    hosts, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    (System.nanoTime() - setup) / 1e9);

            HeapPeak heap = HeapPeak.start();
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < singles + 5; i++) {
                long start = System.nanoTime();
                String id = boot(token, nova, image, "single-" + i);
                await(id, Duration.ofSeconds(60));
                if (i >= 5) { // The first few warm the JIT up.
                    latencies.add(System.nanoTime() - start);
                }
            }
            Collections.sort(latencies);
            System.out.printf("  one server at a time, POST to ACTIVE (%d servers): median %.1f ms, p90 %.1f ms, "
                            + "p99 %.1f ms%n", latencies.size(), pct(latencies, 50), pct(latencies, 90),
                    pct(latencies, 99));

            long burst = System.nanoTime();
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            Semaphore slots = new Semaphore(concurrency);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < servers; i++) {
                    int n = i;
                    slots.acquire();
                    pool.submit(() -> {
                        try {
                            ids.add(boot(token, nova, image, "burst-" + n));
                        } catch (RuntimeException e) {
                            refused.incrementAndGet();
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            double accepted = (System.nanoTime() - burst) / 1e9;
            int errors = 0;
            for (String id : ids) {
                if (!"ACTIVE".equals(await(id, Duration.ofSeconds(300)))) {
                    errors++;
                }
            }
            double all = (System.nanoTime() - burst) / 1e9;
            long peak = heap.stop();
            String last = Json.parse(send(token, "GET", nova + "/servers/" + ids.getLast(), null).body())
                    .at("/server/status").asString();
            System.out.printf("  %d servers requested at once (%d clients): all answered 202 in %.1f s, "
                            + "all ACTIVE in %.1f s (%.0f servers/s); %d refused, %d not ACTIVE; last one reads %s%n",
                    servers, concurrency, accepted, all, ids.size() / all, refused.get(), errors, last);
            System.out.printf("  peak heap %d MiB%n", peak >> 20);
            return errors == 0 && refused.get() == 0 ? 0 : 1;
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void finished(Notification n) {
        JsonNode data = Json.tree(n.payload()).path("nova_object.data");
        String uuid = data.path("uuid").asString();
        String outcome = n.eventType().endsWith(".end") ? "ACTIVE" : n.eventType().endsWith(".error") ? "ERROR" : null;
        if (outcome != null) {
            waiting.computeIfAbsent(uuid, k -> new CompletableFuture<>()).complete(outcome);
        }
    }

    private String await(String id, Duration timeout) throws Exception {
        try {
            return waiting.computeIfAbsent(id, k -> new CompletableFuture<>())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "TIMEOUT";
        }
    }

    private String boot(String token, String nova, String image, String name) {
        HttpResponse<String> r = send(token, "POST", nova + "/servers", Map.of("server", Map.of("name", name,
                "imageRef", image, "flavorRef", "1", "networks", "none")));
        if (r.statusCode() != 202) {
            throw new IllegalStateException("create answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body()).at("/server/id").asString();
    }

    private void waitForHosts(String token, String nova) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            int n = Json.parse(send(token, "GET", nova + "/os-hypervisors", null).body()).path("hypervisors").size();
            if (n >= hosts) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the simulated hosts did not all report in");
    }

    private static double pct(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private String token(Overcast overcast) {
        HttpResponse<String> r = send(null, "POST", overcast.identityUrl() + "/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of("name", "admin",
                        "domain", Map.of("id", "default"), "password", "bench"))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private HttpResponse<String> send(String token, String method, String url, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("OpenStack-API-Version", "compute 2.96")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
