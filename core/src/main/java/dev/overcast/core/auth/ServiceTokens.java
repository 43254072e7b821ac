package dev.overcast.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Tokens one Overcast service uses to call another's API on its own behalf, as OpenStack
 * services use their service users (Nova's {@code [neutron]} credentials): an admin of the
 * {@code service} project. They are signed with the deployment's token keys, so every service
 * verifies them as it verifies a user's token, and renewed before they expire.
 */
public final class ServiceTokens implements Supplier<String> {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final TokenCodec codec;
    private final Clock clock;
    private final String service;
    private String token;
    private Instant expires = Instant.EPOCH;

    /** @param service the calling service's user name, e.g. {@code nova} */
    public ServiceTokens(TokenCodec codec, Clock clock, String service) {
        this.codec = codec;
        this.clock = clock;
        this.service = service;
    }

    /** A token valid for at least ten more minutes. */
    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (now.isAfter(expires.minus(RENEW_BEFORE))) {
            expires = now.plus(LIFETIME);
            AuthContext.Ref domain = new AuthContext.Ref("default", "Default");
            token = codec.sign(new AuthContext(new AuthContext.Ref(service, service), domain,
                    new AuthContext.Ref("service", "service"), domain, null, false,
                    List.of(new AuthContext.Ref("admin", "admin"), new AuthContext.Ref("member", "member"),
                            new AuthContext.Ref("reader", "reader"), new AuthContext.Ref("service", "service")),
                    List.of("password"), List.of(UUID.randomUUID().toString().substring(0, 22)), now, expires,
                    null, null, false));
        }
        return token;
    }
}
