package dev.overcast.orchestration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.orchestration.resources.SignalCredentials;
import dev.overcast.orchestration.resources.TokenSignalCredentials;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import dev.overcast.testkit.TestTokens;

/**
 * A real Orchestration server on a free port and its own database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}), on the legacy engine. Resources never really wait:
 * the sleeper only counts. Identity is replaced by {@link TestTokens}.
 */
public final class OrchestrationServer implements AutoCloseable {
    private final TestDatabase database;
    private final ServiceDatabase db;
    private final TestTokens tokens;
    private final Clock clock;
    private final OrchestrationService service;
    private HttpHost host;
    private final InProcessBus bus;
    private final java.util.function.UnaryOperator<OrchestrationSettings> tune;

    public OrchestrationServer() {
        this(Clock.systemUTC(), "legacy", "test-engine");
    }

    public OrchestrationServer(Clock clock, String defaultEngine, String engineId) {
        this(clock, defaultEngine, engineId, duration -> { });
    }

    /** A server whose resources wait through {@code sleeper}. */
    public OrchestrationServer(Clock clock, String defaultEngine, String engineId,
            dev.overcast.orchestration.resources.Sleeper sleeper) {
        this(clock, defaultEngine, engineId, sleeper, java.util.function.UnaryOperator.identity());
    }

    /** A server whose settings {@code tune} changes (stack abandon and adopt, ...). */
    public OrchestrationServer(Clock clock, String defaultEngine, String engineId,
            dev.overcast.orchestration.resources.Sleeper sleeper,
            java.util.function.UnaryOperator<OrchestrationSettings> tune) {
        this.clock = clock;
        this.tune = tune;
        database = TestDatabase.create();
        db = ServiceDatabase.open(database.settings(), "orchestration");
        tokens = new TestTokens(clock);
        bus = new InProcessBus(clock);
        service = newService(engineId, defaultEngine, sleeper);
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens.codec(),
                List.of(service), new SimpleMeterRegistry(), Map.of());
    }

    /** Another service on this database, as a restarted (or second) process builds it; it serves no requests. */
    public OrchestrationService newService(String engineId, String defaultEngine) {
        return newService(engineId, defaultEngine, duration -> { });
    }

    /** As {@link #newService(String, String)}, with resources that wait through {@code sleeper}. */
    public OrchestrationService newService(String engineId, String defaultEngine,
            dev.overcast.orchestration.resources.Sleeper sleeper) {
        OrchestrationSettings settings = tune.apply(
                new OrchestrationSettings(defaultEngine, engineId, Duration.ofSeconds(60), 8));
        return new OrchestrationService(db.jdbi(), Policy.of(OrchestrationPolicy.defaults()), clock, settings,
                sleeper, new Random(42), dev.overcast.orchestration.resources.PluginServices.NONE.with(
                        SignalCredentials.class, new TokenSignalCredentials(tokens.codec(), clock,
                                () -> host.localUrl() + "/orchestration")), bus);
    }

    public OrchestrationService service() {
        return service;
    }

    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/orchestration");
    }

    /** A client acting as {@code user}, a member of {@code project}. */
    public ApiClient member(String user, String project) {
        return client().withToken(tokens.project(user, project, "member", "reader"));
    }

    /** A token for {@code user}, a member of {@code project}. */
    public String memberToken(String user, String project) {
        return tokens.project(user, project, "member", "reader");
    }

    public ApiClient reader(String user, String project) {
        return client().withToken(tokens.project(user, project, "reader"));
    }

    public ApiClient admin() {
        return client().withToken(tokens.project("admin-user", "admin", "admin", "member", "reader"));
    }

    /** Polls the stack at {@code path} until no action runs on it (30 s at most). @return its stack_status */
    public static String awaitStack(ApiClient client, String path) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String status = client.get(path).json().get("stack").get("stack_status").asString();
            if (!status.endsWith("_IN_PROGRESS") || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(10);
        }
    }

    public org.jdbi.v3.core.Jdbi jdbi() {
        return db.jdbi();
    }

    @Override
    public void close() {
        host.close();
        try {
            service.engine().awaitAllIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        bus.close();
        db.close();
        database.close();
    }
}
