package dev.overcast.network.secgroups;

import java.util.List;

import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and checks one attribute of a request body, with Neutron's messages. */
final class Attributes {
    private Attributes() {
    }

    /** The attribute as text, absent → {@code fallback}; not a string, or too long, is a 400. */
    static String string(ObjectNode body, String name, int maxLength, String fallback) {
        JsonNode value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isString()) {
            throw invalid(name, "'" + python(value) + "' is not a valid string");
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw invalid(name, "'" + text + "' exceeds maximum length of " + maxLength);
        }
        return text;
    }

    /** A string attribute that may be null; absent and null are both null. */
    static String nullableString(ObjectNode body, String name, int maxLength) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : string(body, name, maxLength, null);
    }

    /** Neutron's {@code convert_to_boolean}: true/false in any case, 1/0, as JSON or text. */
    static Boolean bool(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.isString() ? value.asString() : value.isIntegralNumber() ? value.toString() : null;
        if (text != null) {
            switch (text.toLowerCase(java.util.Locale.ROOT)) {
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
        throw NeutronErrors.invalidInput("'" + python(value) + "' cannot be converted to boolean");
    }

    /** One of {@code allowed}; anything else is Neutron's "'x' is not in [...]". */
    static String oneOf(ObjectNode body, String name, List<String> allowed) {
        JsonNode value = body.get(name);
        if (value != null && value.isString() && allowed.contains(value.asString())) {
            return value.asString();
        }
        String given = value == null ? "None" : python(value);
        throw invalid(name, "'" + given + "' is not in " + pythonList(allowed));
    }

    /** Neutron's 400 when a required attribute is missing from a create. */
    static void require(ObjectNode body, String name) {
        if (!body.has(name)) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Failed to parse request. Required attribute '" + name + "' not specified");
        }
    }

    /** 400 "Invalid input for name. Reason: why." */
    static RuntimeException invalid(String name, String why) {
        return NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for " + name + ". Reason: " + why + ".");
    }

    /** A JSON value as Python would print it in Neutron's messages. */
    static String python(JsonNode value) {
        if (value == null || value.isNull()) {
            return "None";
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.toString();
    }

    static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
