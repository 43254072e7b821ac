package dev.overcast.orchestration.resources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * Signal credentials signed with the deployment's token keys. Overcast has no stack domain: a
 * stack user is a user id that exists only in its tokens, scoped to the stack's project with the
 * {@code heat_stack_user} role, which Orchestration's policy allows nothing but signals.
 */
public final class TokenSignalCredentials implements SignalCredentials {
    /** Heat's stack-user tokens last as long as Keystone's (an hour); a wait may take twelve. */
    static final Duration LIFETIME = Duration.ofHours(24);
    private final TokenCodec codec;
    private final Clock clock;
    private final Supplier<String> orchestrationUrl;

    /** @param orchestrationUrl where clients reach Orchestration, e.g. {@code http://cloud:8080/orchestration} */
    public TokenSignalCredentials(TokenCodec codec, Clock clock, Supplier<String> orchestrationUrl) {
        this.codec = codec;
        this.clock = clock;
        this.orchestrationUrl = orchestrationUrl;
    }

    @Override
    public String signalUrl(StackRow stack, String resourceName) {
        return orchestrationUrl.get() + "/v1/" + stack.projectId() + "/stacks/" + stack.name() + "/" + stack.id()
                + "/resources/" + resourceName + "/signal";
    }

    @Override
    public String stackUserToken(StackRow stack, String userId) {
        Instant now = clock.instant();
        AuthContext.Ref domain = new AuthContext.Ref("default", "Default");
        return codec.sign(new AuthContext(new AuthContext.Ref(userId, userId), domain,
                new AuthContext.Ref(stack.projectId(), stack.projectId()), domain, null, false,
                List.of(new AuthContext.Ref("heat_stack_user", "heat_stack_user")), List.of("password"),
                List.of(UUID.randomUUID().toString().substring(0, 22)), now, now.plus(LIFETIME), null, null, false));
    }
}
