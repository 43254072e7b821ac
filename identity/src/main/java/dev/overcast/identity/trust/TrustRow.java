package dev.overcast.identity.trust;

import java.time.Instant;

/** A trust as stored; {@code roleIds} is a JSON array of role ids. */
public record TrustRow(String id, String trustorUserId, String trusteeUserId, String projectId,
                       boolean impersonation, Instant expiresAt, Integer remainingUses, String roleIds,
                       String extra, Instant createdAt) {
}
