package dev.overcast.placement;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import dev.overcast.testkit.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Placement server on a free port and its own database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}). Identity is replaced by {@link TestTokens}.
 */
public final class PlacementServer implements AutoCloseable, AfterAllCallback {
    private final TestDatabase database;
    private final ServiceDatabase db;
    private final HttpHost host;
    private final TestTokens tokens;
    private final PlacementService service;

    public PlacementServer() {
        Clock clock = Clock.systemUTC();
        database = TestDatabase.create();
        db = ServiceDatabase.open(database.settings(), "placement");
        tokens = new TestTokens(clock);
        service = new PlacementService(db.jdbi(), Policy.of(PlacementPolicy.defaults()), clock);
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens.codec(),
                List.of(service), new SimpleMeterRegistry(), Map.of());
    }

    /** A client for {@code http://127.0.0.1:PORT/placement}, without a token. */
    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/placement");
    }

    /** An admin client asking for {@code version} ("1.39", "latest", ...). */
    public ApiClient admin(String version) {
        return client().withToken(tokens.project("admin-user", "admin", "admin", "member", "reader"))
                .withHeader("OpenStack-API-Version", "placement " + version);
    }

    /** A client with the service role, as Nova's scheduler and agents call Placement. */
    public ApiClient service(String version) {
        return client().withToken(tokens.project("nova", "service", "service"))
                .withHeader("OpenStack-API-Version", "placement " + version);
    }

    /** A client acting as {@code user}, a member of {@code project}. */
    public ApiClient member(String user, String project, String version) {
        return client().withToken(tokens.project(user, project, "member", "reader"))
                .withHeader("OpenStack-API-Version", "placement " + version);
    }

    public PlacementService service() {
        return service;
    }

    /** As a JUnit extension ({@code @RegisterExtension static final}): closed after the class's tests. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        host.close();
        db.close();
        database.close();
    }
}
