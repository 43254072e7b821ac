package dev.overcast.orchestration.cloud;

import java.time.Clock;
import java.time.Duration;

import dev.overcast.core.auth.TokenCodec;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * The other services' public APIs, as resource plugins call them: one {@link ServiceClient} per
 * service type, acting as the stack's user in the stack's project (see {@link UserTokens} for how
 * that identity is made), or as a user whose token Orchestration holds (a request being checked).
 * Orchestration never imports another service's code; this is the only way it reaches them.
 */
public final class Cloud {
    /** The service types plugins may call and where each lives under the public URL. */
    public enum Service {
        COMPUTE("compute", "/compute/v2.1"), IMAGE("image", "/image"), NETWORK("network", "/network");

        private final String type;
        private final String path;

        Service(String type, String path) {
            this.type = type;
            this.path = path;
        }

        /** @return the catalog's service type, e.g. {@code compute} */
        public String type() {
            return type;
        }
    }

    private final String publicUrl;
    private final UserTokens userTokens;
    private final ServiceClient.Transport transport;

    /**
     * @param publicUrl the deployment's public URL (services live under their path prefixes)
     * @param tokens    the deployment's token codec: signs the service token and the users' tokens
     * @param timeout   how long one call may take
     */
    public Cloud(String publicUrl, TokenCodec tokens, Clock clock, Duration timeout) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.transport = ServiceClient.Transport.of(timeout);
        this.userTokens = new UserTokens(tokens, clock, transport, this.publicUrl + "/identity/v3");
    }

    /**
     * @return a client of {@code service} acting as the stack's user in the stack's project; each
     *         call fails with {@code Forbidden} when that user holds no role there any more
     */
    public ServiceClient client(Service service, StackRow stack) {
        if (stack.userId() == null || stack.projectId() == null) {
            throw new ResourceFailure("Forbidden", "The stack has no user to act for.");
        }
        String userId = stack.userId();
        String projectId = stack.projectId();
        return new ServiceClient(service.type(), publicUrl + service.path, () -> userTokens.token(userId, projectId),
                transport, null);
    }

    /** @return a client of {@code service} with a token the caller holds (the requesting user's) */
    public ServiceClient client(Service service, String token) {
        return new ServiceClient(service.type(), publicUrl + service.path, () -> token, transport, null);
    }
}
