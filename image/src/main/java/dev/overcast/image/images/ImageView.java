package dev.overcast.image.images;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.core.json.Json;
import dev.overcast.image.ImageSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An image as Glance v2 shows it: the base attributes, then the custom properties flattened in. */
public final class ImageView {
    private ImageView() {
    }

    /** Glance's {@code isotime}: UTC, whole seconds, a {@code Z}. */
    public static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    public static ObjectNode of(ImageRow row, List<String> tags) {
        ObjectNode out = Json.object();
        properties(row).forEach(out::put);
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("status", row.status());
        out.put("visibility", row.visibility());
        out.put("protected", row.isProtected());
        out.put("os_hidden", row.osHidden());
        out.put("owner", row.owner());
        out.put("size", row.size());
        out.put("virtual_size", row.virtualSize());
        out.put("checksum", row.checksum());
        out.put("os_hash_algo", row.osHashAlgo());
        out.put("os_hash_value", row.osHashValue());
        out.put("container_format", row.containerFormat());
        out.put("disk_format", row.diskFormat());
        out.put("min_ram", row.minRam());
        out.put("min_disk", row.minDisk());
        out.put("created_at", time(row.createdAt()));
        out.put("updated_at", time(row.updatedAt()));
        out.set("tags", Json.tree(tags));
        out.put("self", "/v2/images/" + row.id());
        out.put("file", "/v2/images/" + row.id() + "/file");
        out.put("schema", "/v2/schemas/image");
        if (row.size() != null) {
            out.put("stores", ImageSettings.STORE_ID);
        }
        return out;
    }

    /** The custom properties of {@code row}, by name. */
    public static Map<String, String> properties(ImageRow row) {
        Map<String, String> out = new TreeMap<>();
        JsonNode props = Json.parse(row.properties());
        for (var entry : props.properties()) {
            out.put(entry.getKey(), entry.getValue().asString());
        }
        return out;
    }

    /** The text stored for {@code properties}. */
    public static String propertiesText(Map<String, String> properties) {
        return Json.write(new TreeMap<>(properties));
    }
}
