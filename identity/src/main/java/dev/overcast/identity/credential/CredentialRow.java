package dev.overcast.identity.credential;

import java.time.Instant;

/** A credential as stored: an opaque {@code blobData} of some {@code type} ("ec2", "totp", ...). */
public record CredentialRow(String id, String userId, String projectId, String type, String blobData, String extra,
                            Instant createdAt) {
    public static final String EC2 = "ec2";
}
