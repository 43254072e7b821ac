package dev.overcast.identity.user;

import java.time.Instant;

/** A user as stored. */
public record UserRow(String id, String name, String domainId, boolean enabled, String defaultProjectId,
                      String passwordHash, Instant passwordCreatedAt, Instant passwordExpiresAt,
                      int failedAuthCount, Instant failedAuthAt, String options, String extra,
                      Instant createdAt, Instant lastActiveAt) {
}
