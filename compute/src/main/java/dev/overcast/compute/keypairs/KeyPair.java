package dev.overcast.compute.keypairs;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's key pair: only its public half is kept.
 *
 * @param name        unique per user
 * @param userId      the owner
 * @param fingerprint MD5 (ssh) or SHA-1 (x509) in colon-separated hex
 * @param publicKey   the OpenSSH public key line, or the PEM certificate for x509
 * @param type        {@code ssh} or {@code x509}
 * @param createdAt   when it was created or imported
 */
public record KeyPair(String name, String userId, String fingerprint, String publicKey, String type,
                      Instant createdAt) {
    public KeyPair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(type, "type");
    }
}
