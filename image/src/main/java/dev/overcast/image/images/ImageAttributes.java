package dev.overcast.image.images;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The attribute rules Glance's image schema states, with Glance's verdicts: a read-only or
 * reserved attribute is a 403, a value the schema refuses a 400.
 */
public final class ImageAttributes {
    private ImageAttributes() {
    }

    public static final List<String> CONTAINER_FORMATS = List.of("ami", "ari", "aki", "bare", "ovf", "ova",
            "docker", "compressed");
    public static final List<String> DISK_FORMATS = List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw",
            "qcow2", "vdi", "iso", "ploop");
    public static final List<String> VISIBILITIES = List.of("community", "public", "private", "shared");

    /** Attributes only the server writes. */
    public static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "size",
            "virtual_size", "direct_url", "self", "file", "schema", "id", "os_hash_algo", "os_hash_value",
            "stores", "locations");

    /** Names Glance keeps for itself. */
    public static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    private static final String RESERVED_NAMESPACE = "os_glance";

    /** The base attributes a client may write (owner only as an admin). */
    public static final Set<String> WRITABLE = Set.of("name", "visibility", "protected", "os_hidden",
            "container_format", "disk_format", "min_ram", "min_disk", "tags", "owner");

    public static boolean isBase(String name) {
        return WRITABLE.contains(name) || READ_ONLY.contains(name);
    }

    /** A 403 when {@code name} is read-only or reserved. */
    public static void requireWritable(String name) {
        if (READ_ONLY.contains(name)) {
            throw ApiException.forbidden("Attribute '" + name + "' is read-only.");
        }
        if (RESERVED.contains(name) || name.startsWith(RESERVED_NAMESPACE)) {
            throw ApiException.forbidden("Attribute '" + name + "' is reserved.");
        }
    }

    static String nullableText(String name, JsonNode value, int maxLength) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(value + " is not of type 'null', 'string'", name);
        }
        if (value.asString().length() > maxLength) {
            throw invalid("'" + value.asString() + "' is too long", name);
        }
        return value.asString();
    }

    static String choice(String name, JsonNode value, List<String> allowed, boolean nullable) {
        if (nullable && (value == null || value.isNull())) {
            return null;
        }
        if (value == null || !value.isString() || !allowed.contains(value.asString())) {
            throw invalid(value + " is not one of " + allowed, name);
        }
        return value.asString();
    }

    static boolean bool(String name, JsonNode value) {
        if (value == null || !value.isBoolean()) {
            throw invalid(value + " is not of type 'boolean'", name);
        }
        return value.asBoolean();
    }

    static int nonNegative(String name, JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(value + " is not of type 'integer'", name);
        }
        if (value.asInt() < 0) {
            throw ApiException.badRequest("Cannot set " + name + " to a negative value.");
        }
        return value.asInt();
    }

    static List<String> tags(JsonNode value) {
        if (value == null || !value.isArray()) {
            throw invalid(value + " is not of type 'array'", "tags");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : value) {
            out.add(tag(tag));
        }
        return new ArrayList<>(out);
    }

    static String tag(JsonNode tag) {
        if (!tag.isString()) {
            throw invalid(tag + " is not of type 'string'", "tags");
        }
        return tag(tag.asString());
    }

    public static String tag(String tag) {
        if (tag.length() > 255) {
            throw invalid("'" + tag + "' is too long", "tags");
        }
        return tag;
    }

    /** A custom property: a string value under a key of at most 255 characters. */
    static String property(String name, JsonNode value) {
        if (name.length() > 255) {
            throw ApiException.badRequest("Custom property should not be greater than 255 characters.");
        }
        if (value == null || !value.isString()) {
            throw invalid(value + " is not of type 'string'", name);
        }
        return value.asString();
    }

    static ApiException invalid(String reason, String field) {
        return ApiException.badRequest("Provided object does not match schema 'image': " + reason
                + ". Failed validating the '" + field + "' property.");
    }
}
