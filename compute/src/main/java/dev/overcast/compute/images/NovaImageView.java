package dev.overcast.compute.images;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Glance v2 image as Nova's image proxy shows it. Nova reads Glance's image into its own
 * v1-shaped record (base attributes, and everything else as {@code properties}) and then
 * renders that: status in capitals with a made-up progress, {@code minRam}/{@code minDisk},
 * the properties as {@code metadata}, the size as {@code OS-EXT-IMG-SIZE:size}, the server a
 * snapshot was taken of (its {@code instance_uuid} property), and links to the image in the
 * compute API and in Glance. Pure.
 */
final class NovaImageView {
    /** The attributes of Glance's image schema and the ones Nova leaves out; the rest are properties. */
    private static final Set<String> BASE = Set.of("id", "name", "status", "visibility", "protected", "os_hidden",
            "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "container_format",
            "disk_format", "created_at", "updated_at", "tags", "direct_url", "min_ram", "min_disk", "self", "file",
            "schema", "locations", "stores", "deleted", "deleted_at");
    /** Properties Nova keeps as JSON text in Glance and reads back as structures. */
    private static final Set<String> JSON_PROPERTIES = Set.of("block_device_mapping", "mappings");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private NovaImageView() {
    }

    /** The custom properties of a Glance image: Nova's {@code properties}, shown as {@code metadata}. */
    static Map<String, JsonNode> properties(JsonNode image) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (var e : image.properties()) {
            if (BASE.contains(e.getKey())) {
                continue;
            }
            JsonNode value = e.getValue();
            if (JSON_PROPERTIES.contains(e.getKey()) && value.isString()) {
                try {
                    value = Json.parse(value.asString());
                } catch (JacksonException notJson) {
                    // Kept as the text it is.
                }
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    static ObjectNode metadata(JsonNode image) {
        ObjectNode out = Json.object();
        properties(image).forEach(out::set);
        return out;
    }

    /** The list entry: id, name and links. */
    static ObjectNode basic(JsonNode image, Links links) {
        ObjectNode out = Json.object();
        out.set("id", image.get("id"));
        out.set("name", nullable(image.get("name")));
        out.set("links", links.image(image.path("id").asString()));
        return out;
    }

    /** The full view, as {@code GET /images/{id}} and the detailed list show it. */
    static ObjectNode detail(JsonNode image, Links links) {
        String id = image.path("id").asString();
        String status = image.path("status").asString();
        ObjectNode metadata = metadata(image);
        ObjectNode out = Json.object();
        out.put("id", id);
        out.set("name", nullable(image.get("name")));
        out.put("minRam", image.path("min_ram").asLong(0));
        out.put("minDisk", image.path("min_disk").asLong(0));
        out.set("metadata", metadata);
        out.put("created", time(image.get("created_at")));
        out.put("updated", time(image.get("updated_at")));
        out.put("status", status(status));
        out.put("progress", progress(status));
        JsonNode size = image.get("size");
        out.put("OS-EXT-IMG-SIZE:size", size == null || size.isNull() ? 0 : size.asLong());
        out.set("links", links.image(id));
        JsonNode server = metadata.get("instance_uuid");
        if (server != null && !server.isNull()) {
            ObjectNode ref = out.putObject("server");
            ref.put("id", server.asString());
            ref.set("links", links.server(server.asString()));
        }
        JsonNode autoDiskConfig = metadata.get("auto_disk_config");
        if (autoDiskConfig != null && !autoDiskConfig.isNull()) {
            out.put("OS-DCF:diskConfig", truthy(autoDiskConfig.asString()) ? "AUTO" : "MANUAL");
        }
        return out;
    }

    /** Nova's status names: a queued image is shown as saving, a killed one as in error. */
    static String status(String glanceStatus) {
        return switch (glanceStatus) {
            case "active" -> "ACTIVE";
            case "queued", "saving" -> "SAVING";
            case "deleted", "pending_delete" -> "DELETED";
            case "killed" -> "ERROR";
            default -> "UNKNOWN";
        };
    }

    static int progress(String glanceStatus) {
        return switch (glanceStatus) {
            case "queued" -> 25;
            case "saving" -> 50;
            case "active" -> 100;
            default -> 0;
        };
    }

    /** Nova's {@code isotime}: UTC, whole seconds, a {@code Z}; null stays null. */
    static String time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        try {
            return ISO.format(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            try {
                return ISO.format(Instant.parse(text + "Z").truncatedTo(ChronoUnit.SECONDS));
            } catch (DateTimeParseException again) {
                return text;
            }
        }
    }

    /** oslo's {@code bool_from_string}. */
    private static boolean truthy(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            default -> false;
        };
    }

    private static JsonNode nullable(JsonNode value) {
        return value == null ? Json.mapper().nullNode() : value;
    }

    /** Where an image and a server are, in the compute API and in Glance. */
    record Links(String computeUrl, String imageUrl) {
        /** Self (with the version), bookmark (without) and the image in Glance. */
        ArrayNode image(String id) {
            ArrayNode links = Json.array();
            links.addObject().put("rel", "self").put("href", computeUrl + "/v2.1/images/" + id);
            links.addObject().put("rel", "bookmark").put("href", computeUrl + "/images/" + id);
            links.addObject().put("rel", "alternate").put("type", "application/vnd.openstack.image")
                    .put("href", imageUrl + "/images/" + id);
            return links;
        }

        ArrayNode server(String id) {
            ArrayNode links = Json.array();
            links.addObject().put("rel", "self").put("href", computeUrl + "/v2.1/servers/" + id);
            links.addObject().put("rel", "bookmark").put("href", computeUrl + "/servers/" + id);
            return links;
        }
    }
}
