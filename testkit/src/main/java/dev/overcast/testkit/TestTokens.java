package dev.overcast.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.AuthContext.Ref;
import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.SigningKeys;
import dev.overcast.core.auth.TokenCodec;

/**
 * Identity's stand-in for the tests of other services: it signs project-scoped tokens for
 * any user and roles with a throw-away key, exactly as Identity would, so a service under
 * test checks them with the same {@link TokenCodec} it uses in production.
 */
public final class TestTokens {
    private final Clock clock;
    private final TokenCodec codec;

    public TestTokens(Clock clock) {
        this.clock = clock;
        this.codec = new TokenCodec(SigningKeys.ephemeral(clock), new RevocationList(clock, Duration.ofHours(1)), clock);
    }

    public TestTokens() {
        this(Clock.systemUTC());
    }

    /** The codec a test server checks tokens with. */
    public TokenCodec codec() {
        return codec;
    }

    /** A token for {@code userId} scoped to {@code projectId} (in domain default) with {@code roles}. */
    public String project(String userId, String projectId, String... roles) {
        Instant now = clock.instant();
        List<Ref> refs = Arrays.stream(roles).map(r -> new Ref("role-" + r, r)).toList();
        Ref domain = new Ref("default", "Default");
        return codec.sign(new AuthContext(new Ref(userId, userId), domain, new Ref(projectId, projectId), domain,
                null, false, refs, List.of("password"), List.of(UUID.randomUUID().toString()), now,
                now.plus(Duration.ofHours(1)), null, null, false));
    }
}
