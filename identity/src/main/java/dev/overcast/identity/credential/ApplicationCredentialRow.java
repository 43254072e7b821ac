package dev.overcast.identity.credential;

import java.time.Instant;

/** An application credential as stored; {@code roles} is a JSON list of role ids. */
public record ApplicationCredentialRow(String id, String name, String userId, String projectId, String secretHash,
                                       String description, Instant expiresAt, boolean unrestricted, String roles,
                                       Instant createdAt) {
}
