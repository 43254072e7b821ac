package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the attributes of a create or update body with Neutron's API-layer checks and messages
 * ("Invalid input for name. Reason: ..."), so that bad input is a 400 naming the attribute.
 */
final class Attrs {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private Attrs() {
    }

    /** A string attribute of at most {@code max} characters, {@code fallback} when absent. */
    static String string(ObjectNode body, String name, int max, String fallback) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isString()) {
            throw L3Errors.invalid(name, "'" + text(v) + "' is not a valid string");
        }
        if (v.asString().length() > max) {
            throw L3Errors.invalid(name, "'" + v.asString() + "' exceeds maximum length of " + max);
        }
        return v.asString();
    }

    /** A boolean attribute, as Neutron converts them ("true", "1", true), {@code fallback} when absent. */
    static boolean bool(ObjectNode body, String name, boolean fallback) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        return toBoolean(name, v);
    }

    static boolean toBoolean(String name, JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString() || v.isIntegralNumber()) {
            switch (text(v).toLowerCase()) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw L3Errors.invalid(name, "'" + text(v) + "' cannot be converted to boolean");
    }

    /** A UUID attribute; null when absent or null. */
    static String uuid(ObjectNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return uuid(name, v);
    }

    static String uuid(String name, JsonNode v) {
        if (!v.isString() || !UUID.matcher(v.asString()).matches()) {
            throw L3Errors.invalid(name, "'" + text(v) + "' is not a valid UUID");
        }
        return v.asString();
    }

    /** An IP address attribute; null when absent or null. */
    static String ip(ObjectNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || !Ip.isAddress(v.asString())) {
            throw L3Errors.invalid(name, "'" + text(v) + "' is not a valid IP address");
        }
        return v.asString();
    }

    /** A list of strings, e.g. availability_zone_hints. */
    static List<String> strings(ObjectNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw L3Errors.invalid(name, "'" + text(v) + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw L3Errors.invalid(name, "'" + text(item) + "' is not a valid string");
            }
            out.add(item.asString());
        }
        return out;
    }

    /** Tags given at create ({@code tags}): distinct, each 1-255 characters without ',' or '/'. */
    static List<String> tags(ObjectNode body) {
        List<String> tags = strings(body, "tags");
        for (String t : tags) {
            if (t.isEmpty() || t.length() > 255 || t.contains(",") || t.contains("/")) {
                throw L3Errors.invalid("tags", "'" + t + "' is not a valid tag");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(tags));
    }

    /** Attributes that exist but a client may not set in an update. */
    static void refuseReadOnly(ObjectNode body, Set<String> readOnly) {
        for (String name : body.propertyNames()) {
            if (readOnly.contains(name)) {
                throw dev.overcast.network.NeutronErrors.of(400, "HTTPBadRequest",
                        "Cannot update read-only attribute " + name);
            }
        }
    }

    static String text(JsonNode v) {
        return v.isString() ? v.asString() : v.toString();
    }
}
