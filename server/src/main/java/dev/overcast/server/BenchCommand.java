package dev.overcast.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.SigningKeys;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code overcast bench identity|image|scheduler|boot|stack}. For identity: starts a throw-away all-in-one server and prints token
 * issue and validation rates, over HTTP as clients see them, and the rate at which a
 * service checks a token locally — with a codec that has no database at all. For image, see
 * {@link ImageBench}; for the scheduler, {@link SchedulerBench}; for stacks, {@link StackBench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print performance figures for a service.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to measure: identity, image, scheduler, boot or stack.")
    String target;

    @Option(names = "--seconds", description = "Seconds per measurement (default ${DEFAULT-VALUE}).", defaultValue = "5")
    int seconds;

    @Option(names = "--concurrency", description = "Concurrent clients (default 8; boot benchmark 16; scheduler "
            + "benchmark " + SchedulerBench.DEFAULT_CONCURRENCY + ", the decisions in flight during a burst).")
    Integer concurrency;

    @Option(names = "--hash-rounds", description = "bcrypt cost of the admin password (default ${DEFAULT-VALUE}, Keystone's).",
            defaultValue = "12")
    int hashRounds;

    @Option(names = "--size-mib", description = "Image size for the image benchmark, in MiB (default ${DEFAULT-VALUE}).",
            defaultValue = "512")
    int sizeMib;

    @Option(names = "--hosts", split = ",", description = "Scheduler benchmark: simulated hosts, one run per count; "
            + "boot benchmark: the first count "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "1000,10000,50000")
    List<Integer> hosts;

    @Option(names = "--requests", description = "Scheduler benchmark: servers to place per run (default ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    int requests;

    @Option(names = "--warmup", description = "Scheduler benchmark: decisions made on each run's hosts before "
            + "measuring, for the JIT (default ${DEFAULT-VALUE}).", defaultValue = "20000")
    int warmup;

    @Option(names = "--max-placement-results", description = "Scheduler benchmark: candidates asked of Placement "
            + "per decision (default: the scheduler's, Nova's 1000).")
    Integer maxPlacementResults;

    @Option(names = "--servers", description = "Boot benchmark: servers requested at once (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int servers;

    @Option(names = "--singles", description = "Boot benchmark: servers booted one at a time for the median "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "50")
    int singles;

    @Option(names = "--resources", split = ",", description = "Stack benchmark: OS::Heat::TestResource count per "
            + "stack, one fan-out and one chain per count (default ${DEFAULT-VALUE}).", defaultValue = "100,1000")
    List<Integer> stackSizes;

    @Option(names = "--randomize", description = "Scheduler benchmark: Placement's randomize_allocation_candidates.")
    boolean randomize;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        if (target.equals("image")) {
            return new ImageBench(sizeMib).run();
        }
        if (target.equals("stack")) {
            return new StackBench(stackSizes).run();
        }
        if (target.equals("boot")) {
            return new BootBench(hosts.getFirst(), servers, singles, clients(16)).run();
        }
        if (target.equals("scheduler")) {
            if (requests < 1 || warmup < 0) {
                System.err.println("overcast bench scheduler: --requests must be at least 1 and --warmup at least 0");
                return 2;
            }
            return new SchedulerBench(hosts, requests, warmup, clients(SchedulerBench.DEFAULT_CONCURRENCY),
                    maxPlacementResults, randomize).run();
        }
        if (!target.equals("identity")) {
            System.err.println("overcast bench: unknown target '" + target
                    + "'; known: identity, image, scheduler, boot, stack");
            return 2;
        }
        Path dir = Files.createTempDirectory("overcast-bench");
        String password = "bench-password";
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, java.util.Map.of(),
                java.util.Map.of("port", 0, "data_dir", dir.toString(), "admin_password", password,
                        "password_hash_rounds", hashRounds));
        try (Overcast overcast = Overcast.start(config)) {
            String url = overcast.identityUrl() + "/auth/tokens";
            String passwordAuth = """
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                      "domain": {"id": "default"}, "password": "%s"}}},
                      "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}""".formatted(password);
            String first = issue(url, passwordAuth);
            System.out.printf("Overcast identity benchmark: %d s per figure, %d concurrent clients, %d cores%n",
                    seconds, clients(8), Runtime.getRuntime().availableProcessors());

            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            report("token issue, password method (bcrypt cost " + hashRounds + ")",
                    run(i -> tokens.add(issue(url, passwordAuth))));
            String rescope = """
                    {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}},
                      "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}""".formatted(first);
            report("token issue, token method (rescope)", run(i -> tokens.add(issue(url, rescope))));
            report("token validation over HTTP (GET /v3/auth/tokens)", run(i -> validate(url, first, tokens.get(i % tokens.size()))));

            // A service's check: only the public keys and the revocation list, no database.
            SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("keys"), Clock.systemUTC());
            RevocationList revocations = new RevocationList(Clock.systemUTC(), Duration.ofHours(1));
            TokenCodec uncached = new TokenCodec(keys, revocations, Clock.systemUTC(), 0);
            TokenCodec cached = new TokenCodec(keys, revocations, Clock.systemUTC());
            List<String> distinct = List.copyOf(tokens);
            report("token validation in a service, signature checked (ES256, no DB)",
                    run(i -> uncached.verify(distinct.get(i % distinct.size()))));
            report("token validation in a service, signature cached (no DB)",
                    run(i -> cached.verify(distinct.get(i % distinct.size()))));
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private record Result(long operations, Duration elapsed) {
        double rate() {
            return operations / (elapsed.toNanos() / 1e9);
        }
    }

    /** The {@code --concurrency} given, else this benchmark's default. */
    private int clients(int byDefault) {
        return concurrency != null ? concurrency : byDefault;
    }

    private Result run(IntFunction<Object> operation) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients(8); c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        operation.apply((int) count.getAndIncrement());
                    }
                    return null;
                });
            }
        }
        return new Result(count.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void report(String what, Result result) {
        System.out.printf("  %-68s %10.1f /s  (%d in %.1f s)%n", what, result.rate(), result.operations(),
                result.elapsed().toNanos() / 1e9);
    }


    private String issue(String url, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token issue answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private Object validate(String url, String caller, String subject) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "?nocatalog"))
                .header("X-Auth-Token", caller).header("X-Subject-Token", subject).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token validation answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
