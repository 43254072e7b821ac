package dev.overcast.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.SigningKeys;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.http.HttpHost;
import dev.overcast.core.http.HttpSettings;
import dev.overcast.core.policy.Policy;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A real Identity server on a free port, on its own database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}), bootstrapped with user {@code admin} /
 * {@link #ADMIN_PASSWORD} in project {@code admin}. Tests talk to it over HTTP.
 */
public final class IdentityServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "secret-admin-password";

    private final TestDatabase database;
    private final ServiceDatabase db;
    private final HttpHost host;
    private final TokenCodec tokens;

    public IdentityServer() {
        this(Clock.systemUTC());
    }

    public IdentityServer(Clock clock) {
        this(clock, SecurityCompliance.OFF);
    }

    /** A server with the given security-compliance rules, on {@code clock}. */
    public IdentityServer(Clock clock, SecurityCompliance compliance) {
        database = TestDatabase.create();
        db = ServiceDatabase.open(database.settings(), "identity");
        Duration lifetime = Duration.ofHours(1);
        RevocationList revocations = new RevocationList(clock, lifetime);
        tokens = new TokenCodec(SigningKeys.ephemeral(clock), revocations, clock);
        HttpHost started = null;
        IdentityService identity = new IdentityService(db.jdbi(), Policy.of(IdentityPolicy.defaults()), tokens,
                revocations, clock, new IdentitySettings("RegionOne", lifetime, ADMIN_PASSWORD, "http://127.0.0.1:1", compliance), 4);
        identity.bootstrap(List.of(new Bootstrap.CatalogEntry("identity", "keystone", "/identity")));
        host = HttpHost.start(new HttpSettings("127.0.0.1", 0, null, HttpSettings.DEFAULT_MAX_BODY), tokens,
                List.of(identity), new SimpleMeterRegistry(), Map.of());
    }

    /** A client for {@code http://127.0.0.1:PORT/identity}, without a token. */
    public ApiClient client() {
        return new ApiClient(host.localUrl() + "/identity");
    }

    /** A client carrying a fresh admin token scoped to project admin. */
    public ApiClient admin() {
        return client().withToken(token("admin", ADMIN_PASSWORD, "admin"));
    }

    /** A project-scoped token for a user of the Default domain (project null: unscoped). */
    public String token(String user, String password, String project) {
        Map<String, Object> auth = new java.util.LinkedHashMap<>();
        auth.put("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                Map.of("name", user, "domain", Map.of("id", "default"), "password", password))));
        if (project != null) {
            auth.put("scope", Map.of("project", Map.of("name", project, "domain", Map.of("id", "default"))));
        }
        ApiClient.Reply reply = client().post("/v3/auth/tokens", Map.of("auth", auth));
        if (reply.status() != 201) {
            throw new IllegalStateException("token for " + user + " failed: " + reply);
        }
        return reply.header("X-Subject-Token");
    }

    /** The server's database, for arranging state no API offers yet. */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return db.jdbi();
    }

    public TokenCodec tokens() {
        return tokens;
    }

    @Override
    public void close() {
        host.close();
        db.close();
        database.close();
    }
}
