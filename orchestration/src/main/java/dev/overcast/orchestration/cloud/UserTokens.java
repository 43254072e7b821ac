package dev.overcast.orchestration.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.ServiceTokens;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Tokens that act as a stack's user in the stack's project. Heat gets them from a Keystone trust
 * the user delegated when the stack was created; Overcast, whose services all verify tokens by
 * the deployment's signing keys, asks Identity (with Orchestration's service token) which roles
 * the user holds on the project now, and signs a token with exactly those. A user whose roles
 * were all revoked therefore gets no token, as a trust whose trustor lost the roles stops working.
 * Roles, and the token signed with them, are remembered for {@link #ROLES_TTL}, so a stack of
 * many resources asks once and its polls do not sign a token each.
 */
final class UserTokens {
    static final Duration ROLES_TTL = Duration.ofSeconds(30);
    private static final Duration LIFETIME = Duration.ofHours(1);

    /** What Identity answered for one user on one project, and the token signed from it. */
    private record Grant(String token, Instant fetched) {
    }

    private final TokenCodec codec;
    private final Clock clock;
    private final ServiceTokens serviceTokens;
    private final ServiceClient identity;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    UserTokens(TokenCodec codec, Clock clock, ServiceClient.Transport transport, String identityUrl) {
        this.codec = codec;
        this.clock = clock;
        this.serviceTokens = new ServiceTokens(codec, clock, "heat");
        this.identity = new ServiceClient("identity", identityUrl, serviceTokens, transport, null);
    }

    /**
     * @return a token of {@code userId} scoped to {@code projectId}
     * @throws ResourceFailure Forbidden when the user holds no role there
     */
    String token(String userId, String projectId) {
        String key = userId + "/" + projectId;
        Grant cached = grants.get(key);
        if (cached != null && cached.fetched().plus(ROLES_TTL).isAfter(clock.instant())) {
            return cached.token();
        }
        Grant fresh = fetch(userId, projectId);
        grants.put(key, fresh);
        return fresh.token();
    }

    private Grant fetch(String userId, String projectId) {
        JsonNode assignments = identity.get("/role_assignments?" + ServiceClient.query("user.id", userId) + "&"
                + ServiceClient.query("scope.project.id", projectId) + "&effective&include_names")
                .path("role_assignments");
        List<AuthContext.Ref> roles = new ArrayList<>();
        JsonNode user = null;
        JsonNode project = null;
        for (JsonNode a : assignments) {
            AuthContext.Ref role = new AuthContext.Ref(a.at("/role/id").asString(), a.at("/role/name").asString());
            if (!roles.contains(role)) {
                roles.add(role);
            }
            user = a.path("user");
            project = a.at("/scope/project");
        }
        if (roles.isEmpty()) {
            throw new ResourceFailure("Forbidden", "User " + userId + " has no role on project " + projectId
                    + " any more, so the stack cannot act for it.");
        }
        Instant now = clock.instant();
        AuthContext.Ref projectDomain = ref(project.path("domain"));
        String token = codec.sign(new AuthContext(ref(user), ref(user.path("domain")), ref(project), projectDomain,
                null, false, roles, List.of("password"), List.of(UUID.randomUUID().toString().substring(0, 22)),
                now, now.plus(LIFETIME), null, null,
                "admin".equals(project.path("name").asString(null)) && "default".equals(projectDomain.id())));
        return new Grant(token, now);
    }

    private static AuthContext.Ref ref(JsonNode node) {
        return new AuthContext.Ref(node.path("id").asString(), node.path("name").asString(null));
    }
}
