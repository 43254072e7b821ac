package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.MutableClock;

/** Tokens live one hour; a rescoped token does not outlive the one it came from. Time is moved, not slept. */
class TokenExpiryTest {
    static MutableClock clock = MutableClock.startingNow();
    static IdentityServer server;

    @BeforeAll
    static void start() {
        server = new IdentityServer(clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenIsRefusedOnceItHasExpired() {
        String token = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        assertThat(server.client().withToken(token).get("/v3/auth/catalog").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(59));
        assertThat(server.client().withToken(token).get("/v3/auth/catalog").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        var reply = server.client().withToken(token).get("/v3/auth/catalog");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").get("message").asString()).contains("expired");
        String fresh = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        assertThat(server.client().withToken(fresh).withHeader("X-Subject-Token", token)
                .get("/v3/auth/tokens").status()).isEqualTo(404);
    }

    @Test
    void aRescopedTokenKeepsTheExpiryOfTheOneItCameFrom() {
        String unscoped = server.token("admin", IdentityServer.ADMIN_PASSWORD, null);
        clock.advance(Duration.ofMinutes(50));
        var rescoped = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("token"), "token", Map.of("id", unscoped)),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        assertThat(rescoped.status()).isEqualTo(201);
        String token = rescoped.header("X-Subject-Token");
        clock.advance(Duration.ofMinutes(11));
        assertThat(server.client().withToken(token).get("/v3/auth/catalog").status()).isEqualTo(401);
        assertThat(server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("token"), "token", Map.of("id", unscoped))))).status())
                .as("Keystone answers an expired token presented to the token method with 404").isEqualTo(404);
    }
}
