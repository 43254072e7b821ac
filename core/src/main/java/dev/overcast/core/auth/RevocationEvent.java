package dev.overcast.core.auth;

import java.time.Instant;

/**
 * Keystone's revocation event: every token issued at or before {@code issuedBefore} whose
 * attributes match all the non-null fields here is revoked.
 */
public record RevocationEvent(
        String userId,
        String projectId,
        String domainId,
        String roleId,
        String auditId,
        String trustId,
        String applicationCredentialId,
        Instant issuedBefore) {

    public static RevocationEvent ofAuditId(String auditId, Instant at) {
        return new RevocationEvent(null, null, null, null, auditId, null, null, at);
    }

    public static RevocationEvent ofUser(String userId, Instant at) {
        return new RevocationEvent(userId, null, null, null, null, null, null, at);
    }

    public static RevocationEvent ofProject(String projectId, Instant at) {
        return new RevocationEvent(null, projectId, null, null, null, null, null, at);
    }

    public static RevocationEvent ofDomain(String domainId, Instant at) {
        return new RevocationEvent(null, null, domainId, null, null, null, null, at);
    }

    public static RevocationEvent ofUserInProject(String userId, String projectId, Instant at) {
        return new RevocationEvent(userId, projectId, null, null, null, null, null, at);
    }

    public static RevocationEvent ofApplicationCredential(String id, Instant at) {
        return new RevocationEvent(null, null, null, null, null, null, id, at);
    }

    public static RevocationEvent ofTrust(String trustId, Instant at) {
        return new RevocationEvent(null, null, null, null, null, trustId, null, at);
    }

    public static RevocationEvent ofRole(String roleId, Instant at) {
        return new RevocationEvent(null, null, null, roleId, null, null, null, at);
    }

    /** Whether this event revokes the token. */
    public boolean revokes(AuthContext token) {
        if (token.issuedAt().isAfter(issuedBefore)) {
            return false;
        }
        return matches(userId, token.userId())
                && matches(projectId, token.projectId())
                && (domainId == null || domainId.equals(token.domainId())
                        || (token.userDomain() != null && domainId.equals(token.userDomain().id()))
                        || (token.projectDomain() != null && domainId.equals(token.projectDomain().id())))
                && (roleId == null || token.roles().stream().anyMatch(r -> r.id().equals(roleId)))
                && (auditId == null || token.auditIds().contains(auditId))
                && matches(trustId, token.trustId())
                && matches(applicationCredentialId, token.applicationCredentialId());
    }

    private static boolean matches(String expected, String actual) {
        return expected == null || expected.equals(actual);
    }
}
