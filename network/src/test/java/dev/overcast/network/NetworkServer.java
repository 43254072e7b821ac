package dev.overcast.network;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.Notification;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import dev.overcast.testkit.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A real Network server on a free port and its own database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}), started once per test class:
 * {@code @RegisterExtension static final NetworkServer server = new NetworkServer();}.
 * Identity is replaced by {@link TestTokens}, which signs tokens for any user, project and
 * roles. Every notification the service sends is kept in {@link #notifications()}.
 */
public final class NetworkServer implements BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private final NetworkSettings settings;
    private final Function<NetworkContext, List<NetworkFeature>> features;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private TestDatabase database;
    private ServiceDatabase db;
    private InProcessBus bus;
    private HttpHost host;
    private TestTokens tokens;
    private final List<String> portEvents = new CopyOnWriteArrayList<>();

    public NetworkServer() {
        this(Clock.systemUTC(), NetworkSettings.defaults());
    }

    /** Every feature, as the all-in-one wires them; Compute's port events are kept in {@link #portEvents()}. */
    public NetworkServer(Clock clock, NetworkSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.features = ctx -> NetworkService.all(ctx, (server, port, deleted) ->
                portEvents.add((deleted ? "network-vif-deleted " : "network-changed ") + server + " " + port));
    }

    /** A server of the features {@code features} makes, e.g. the l3 feature over a fake core. */
    public NetworkServer(Function<NetworkContext, List<NetworkFeature>> features) {
        this(Clock.systemUTC(), NetworkSettings.defaults(), features);
    }

    public NetworkServer(Clock clock, NetworkSettings settings, Function<NetworkContext, List<NetworkFeature>> features) {
        this.clock = clock;
        this.settings = settings;
        this.features = features;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        db = ServiceDatabase.open(database.settings(), "network");
        bus = new InProcessBus(clock);
        bus.subscribe("notifications", "", notifications::add);
        tokens = new TestTokens(clock);
        NetworkService network = new NetworkService(db.jdbi(), Policy.of(NetworkPolicy.defaults()), clock, settings,
                bus, "test-host", features);
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens.codec(),
                List.of(network), new SimpleMeterRegistry(), Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        host.close();
        bus.close();
        db.close();
        database.close();
    }

    /** A client for {@code http://127.0.0.1:PORT/network}, without a token. */
    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/network");
    }

    /** A client acting as {@code user}, a member (and reader) of {@code project}. */
    public ApiClient member(String user, String project) {
        return client().withToken(tokens.project(user, project, "member", "reader"));
    }

    /** A client acting as {@code user} with only the reader role in {@code project}. */
    public ApiClient reader(String user, String project) {
        return client().withToken(tokens.project(user, project, "reader"));
    }

    /** A client acting as an admin of project {@code admin}. */
    public ApiClient admin() {
        return client().withToken(tokens.project("admin-user", "admin", "admin", "member", "reader"));
    }

    /** The database, for tests that check rows the API does not show. */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return db.jdbi();
    }

    /** A client acting as a user with the service role (as compute acts on ports). */
    public ApiClient service() {
        return client().withToken(tokens.project("nova", "service", "service"));
    }

    /** What Compute was told of its servers' ports, e.g. {@code network-changed <server> <port>}. */
    public List<String> portEvents() {
        return portEvents;
    }

    public List<Notification> notifications() {
        return notifications;
    }
}
