package dev.overcast.image.images;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A working copy of an image's writable attributes, its custom properties and its tags, for a
 * create or a JSON-patch to change one attribute at a time before a single write. It never
 * touches the status: that belongs to {@link ImageLifecycle}.
 */
final class ImageEdit {
    private final ImageRow base;
    String name;
    String visibility;
    boolean isProtected;
    boolean osHidden;
    String owner;
    String containerFormat;
    String diskFormat;
    int minRam;
    int minDisk;
    final Map<String, String> properties;
    List<String> tags;

    ImageEdit(ImageRow row, List<String> tags) {
        this.base = row;
        this.name = row.name();
        this.visibility = row.visibility();
        this.isProtected = row.isProtected();
        this.osHidden = row.osHidden();
        this.owner = row.owner();
        this.containerFormat = row.containerFormat();
        this.diskFormat = row.diskFormat();
        this.minRam = row.minRam();
        this.minDisk = row.minDisk();
        this.properties = new TreeMap<>(ImageView.properties(row));
        this.tags = List.copyOf(tags);
    }

    /** Sets base attribute or custom property {@code name}; {@code add} and {@code replace} both come here. */
    void set(String name, JsonNode value) {
        switch (name) {
            case "name" -> this.name = ImageAttributes.nullableText(name, value, 255);
            case "visibility" -> visibility = ImageAttributes.choice(name, value, ImageAttributes.VISIBILITIES, false);
            case "protected" -> isProtected = ImageAttributes.bool(name, value);
            case "os_hidden" -> osHidden = ImageAttributes.bool(name, value);
            case "owner" -> owner = ImageAttributes.nullableText(name, value, 255);
            case "container_format" -> {
                String format = ImageAttributes.choice(name, value, ImageAttributes.CONTAINER_FORMATS, true);
                requireQueuedToChange(name, containerFormat, format);
                containerFormat = format;
            }
            case "disk_format" -> {
                String format = ImageAttributes.choice(name, value, ImageAttributes.DISK_FORMATS, true);
                requireQueuedToChange(name, diskFormat, format);
                diskFormat = format;
            }
            case "min_ram" -> minRam = ImageAttributes.nonNegative(name, value);
            case "min_disk" -> minDisk = ImageAttributes.nonNegative(name, value);
            case "tags" -> tags = ImageAttributes.tags(value);
            default -> {
                ImageAttributes.requireWritable(name);
                properties.put(name, ImageAttributes.property(name, value));
            }
        }
    }

    /** Glance fixes the formats once data arrived. */
    private void requireQueuedToChange(String attribute, String current, String wanted) {
        if (!base.status().equals("queued") && current != null && !current.equals(wanted)) {
            throw ApiException.forbidden("Attribute " + attribute + " can be only replaced for a queued image.");
        }
    }

    ImageRow toRow(Instant at) {
        return new ImageRow(base.id(), name, base.status(), visibility, isProtected, osHidden, owner, base.size(),
                base.virtualSize(), base.checksum(), base.osHashAlgo(), base.osHashValue(), minRam, minDisk,
                containerFormat, diskFormat, ImageView.propertiesText(properties), base.createdAt(), at);
    }
}
