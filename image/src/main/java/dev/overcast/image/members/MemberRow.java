package dev.overcast.image.members;

import java.time.Instant;

/** One project an image is shared with, and whether it accepted. */
public record MemberRow(String imageId, String memberId, String status, Instant createdAt, Instant updatedAt) {
    public MemberRow withStatus(String newStatus, Instant at) {
        return new MemberRow(imageId, memberId, newStatus, createdAt, at);
    }
}
