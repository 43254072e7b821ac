package dev.overcast.compute.images;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.overcast.compute.servers.ServerNeighbours;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import tools.jackson.databind.JsonNode;

/**
 * Reads images from the Image service's public API with the caller's own token, as Nova's
 * Glance client does: a user can boot only an image they can see.
 */
public final class GlanceImages implements ServerNeighbours.Images {
    /** Image fields that are not properties. */
    private static final Set<String> CORE = Set.of("id", "name", "status", "visibility", "protected", "checksum",
            "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk", "created_at",
            "updated_at", "tags", "self", "file", "schema", "locations", "direct_url", "stores", "os_hidden");

    private final GlanceV2 glance;

    /** @param imageUrl the Image service's base URL, such as {@code http://host/image} */
    public GlanceImages(String imageUrl, Duration timeout) {
        this.glance = new GlanceV2(imageUrl, timeout);
    }

    @Override
    public Optional<ServerNeighbours.ImageInfo> find(String imageId, Request request) {
        String token = request.header("X-Auth-Token").orElse(null);
        if (token == null || !imageId.matches("[0-9a-fA-F-]{1,64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(glance.get(imageId, token)));
        } catch (GlanceV2.GlanceError e) {
            if (e.status() == 404 || e.status() == 403) {
                return Optional.empty();
            }
            throw new ApiException(503, "The Image service answered " + e.status() + " for image " + imageId
                    + ": " + e.getMessage());
        }
    }

    static ServerNeighbours.ImageInfo read(JsonNode image) {
        Map<String, String> properties = new HashMap<>();
        for (var e : image.properties()) {
            if (!CORE.contains(e.getKey()) && !e.getValue().isNull() && e.getValue().isValueNode()) {
                properties.put(e.getKey(), e.getValue().asString());
            }
        }
        JsonNode size = image.get("size");
        return new ServerNeighbours.ImageInfo(image.path("id").asString(), image.path("status").asString(),
                image.path("min_disk").asLong(0), image.path("min_ram").asLong(0),
                size == null || size.isNull() ? null : size.asLong(), properties);
    }
}
