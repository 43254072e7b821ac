package dev.overcast.compute.images;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server snapshots and backups in the Image service, made with the caller's own token as Nova
 * does. A simulated server's disk is its image, so a snapshot's data is a copy of that image's.
 */
public final class Snapshots {
    private final GlanceV2 glance;

    /** @param imageUrl the Image service's base URL, such as {@code http://host/image} */
    public Snapshots(String imageUrl, Duration timeout) {
        this.glance = new GlanceV2(imageUrl, timeout);
    }

    /**
     * What the snapshot records of its server.
     *
     * @param backupType for a backup, its type ({@code daily}, ...); null for a snapshot
     */
    public record Source(String instanceUuid, String imageRef, String userId, String backupType) {
    }

    /** Creates the queued image of a snapshot or backup and returns its id. */
    public String create(String token, String name, Source source, Map<String, String> metadata) {
        ObjectNode body = Json.object();
        body.put("name", name);
        JsonNode base = source.imageRef() == null || source.imageRef().isEmpty() ? Json.object() : base(source, token);
        body.put("disk_format", base.path("disk_format").asString("raw"));
        body.put("container_format", base.path("container_format").asString("bare"));
        body.put("instance_uuid", source.instanceUuid());
        body.put("image_type", source.backupType() == null ? "snapshot" : "backup");
        body.put("user_id", source.userId());
        if (source.imageRef() != null && !source.imageRef().isEmpty()) {
            body.put("base_image_ref", source.imageRef());
        }
        if (source.backupType() != null) {
            body.put("backup_type", source.backupType());
        }
        metadata.forEach(body::put); // The caller's properties win, as in Nova.
        try {
            return glance.create(body, token).path("id").asString();
        } catch (GlanceV2.GlanceError e) {
            throw new ApiException(e.status() == 403 || e.status() == 413 ? 403 : 400,
                    "The snapshot image could not be created: " + e.getMessage());
        }
    }

    private JsonNode base(Source source, String token) {
        try {
            return glance.get(source.imageRef(), token);
        } catch (GlanceV2.GlanceError e) {
            return Json.object();
        }
    }

    /** Fills the snapshot with its server's disk: the data of the image it booted from. */
    public void upload(String token, Source source, String imageId) {
        glance.copyData(source.imageRef(), imageId, token);
    }

    /** Deletes a snapshot that could not be taken. */
    public void discard(String token, String imageId) {
        try {
            glance.delete(imageId, token);
        } catch (GlanceV2.GlanceError e) {
            // Already gone, or never made.
        }
    }

    /** Keeps the newest {@code rotation} backups of this type of the server and deletes the rest. */
    public void rotate(String token, Source source, int rotation) {
        List<JsonNode> backups = glance.list(Map.of("instance_uuid", source.instanceUuid(), "image_type", "backup",
                "backup_type", source.backupType()), null, null, token);
        List<JsonNode> newestFirst = backups.stream()
                .sorted(Comparator.comparing((JsonNode i) -> i.path("created_at").asString()).reversed())
                .toList();
        for (JsonNode old : newestFirst.subList(Math.min(rotation, newestFirst.size()), newestFirst.size())) {
            discard(token, old.path("id").asString());
        }
    }
}
