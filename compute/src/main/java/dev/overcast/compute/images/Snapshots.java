package dev.overcast.compute.images;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server snapshots and backups in the Image service, made with the caller's own token as Nova
 * does. A simulated server's disk is its image, so a snapshot's data is a copy of that image's.
 */
public final class Snapshots {
    /** The fields of Glance's image that are the image's own, not properties a snapshot inherits. */
    private static final Set<String> IMAGE_FIELDS = Set.of("id", "name", "status", "visibility", "protected",
            "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram",
            "min_disk", "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file",
            "schema", "direct_url", "locations", "stores");
    /** Properties Nova never copies into a snapshot: its own list and its default configuration's. */
    private static final Set<String> NON_INHERITABLE = Set.of("cinder_encryption_key_id",
            "cinder_encryption_key_deletion_policy", "img_signature", "img_signature_hash_method",
            "img_signature_key_type", "img_signature_certificate_uuid", "cache_in_nova", "bittorrent");

    private final GlanceV2 glance;

    /** @param imageUrl the Image service's base URL, such as {@code http://host/image} */
    public Snapshots(String imageUrl, Duration timeout) {
        this.glance = new GlanceV2(imageUrl, timeout);
    }

    /**
     * What the snapshot records of its server, and who takes it.
     *
     * @param instanceProject the server's project
     * @param userProject     the project of the user taking the snapshot
     * @param backupType      for a backup, its type ({@code daily}, ...); null for a snapshot
     */
    public record Source(String instanceUuid, String instanceProject, String imageRef, String userId,
                         String userProject, String backupType) {
        boolean ofAnotherProject() {
            return !instanceProject.equals(userProject);
        }
    }

    /**
     * Creates the queued image of a snapshot or backup and returns its id. As in Nova, it inherits
     * the properties, minimum RAM and disk of the image the server booted from, and is private,
     * unless the user takes it of another project's server (an admin, say): then it is shared with
     * that project, which is named in {@code instance_owner}.
     */
    public String create(String token, String name, Source source, Map<String, String> metadata) {
        ObjectNode body = Json.object();
        body.put("name", name);
        JsonNode base = source.imageRef() == null || source.imageRef().isEmpty() ? Json.object() : base(source, token);
        base.properties().forEach(e -> {
            String key = e.getKey();
            if (e.getValue().isString() && !IMAGE_FIELDS.contains(key) && !NON_INHERITABLE.contains(key)
                    && !key.startsWith("os_glance_")) {
                body.put(key, e.getValue().asString());
            }
        });
        for (String minimum : new String[] {"min_ram", "min_disk"}) {
            if (base.path(minimum).isIntegralNumber()) {
                body.put(minimum, base.get(minimum).asInt());
            }
        }
        body.put("disk_format", base.path("disk_format").asString("raw"));
        body.put("container_format", base.path("container_format").asString("bare"));
        body.put("visibility", source.ofAnotherProject() ? "shared" : "private");
        if (source.ofAnotherProject()) {
            body.put("instance_owner", source.instanceProject());
        }
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
        String id;
        try {
            id = glance.create(body, token).path("id").asString();
        } catch (GlanceV2.GlanceError e) {
            throw new ApiException(e.status() == 403 || e.status() == 413 ? 403 : 400,
                    "The snapshot image could not be created: " + e.getMessage());
        }
        if (source.ofAnotherProject()) {
            try {
                glance.addMember(id, source.instanceProject(), token);
            } catch (GlanceV2.GlanceError e) {
                discard(token, id);
                throw new ApiException(400, "The snapshot image could not be shared with the server's project "
                        + source.instanceProject() + ": " + e.getMessage());
            }
        }
        return id;
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
