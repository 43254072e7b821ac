package dev.overcast.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.overcast.core.http.ApiException;
import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one attribute of a request body the way Neutron's attribute map converts and validates
 * it, with its messages: "Invalid input for name. Reason: '1' is not a valid string." Every
 * reader answers {@code fallback} when the attribute is absent.
 */
public final class Attributes {
    private Attributes() {
    }

    /** 400 "Invalid input for {attribute}. Reason: {reason}." */
    public static ApiException invalid(String attribute, String reason) {
        return NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for " + attribute + ". Reason: " + reason + ".");
    }

    /** 400 for a required attribute the body lacks. */
    public static ApiException missing(String attribute) {
        return NeutronErrors.of(400, "HTTPBadRequest",
                "Failed to parse request. Required attribute '" + attribute + "' not specified");
    }

    /** The value as Python would print it in a message. */
    public static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.isString() ? value.asString() : value.toString();
    }

    public static String string(ObjectNode body, String name, int maxLength, String fallback) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isString()) {
            throw invalid(name, "'" + show(v) + "' is not a valid string");
        }
        if (v.asString().length() > maxLength) {
            throw invalid(name, "'" + v.asString() + "' exceeds maximum length of " + maxLength);
        }
        return v.asString();
    }

    /** A string that may be null (JSON null). */
    public static String nullableString(ObjectNode body, String name, int maxLength, String fallback) {
        JsonNode v = body.get(name);
        if (v != null && v.isNull()) {
            return null;
        }
        return string(body, name, maxLength, fallback);
    }

    /** Neutron's convert_to_boolean: true/false, "true"/"false" in any case, 1/0. */
    public static Boolean bool(ObjectNode body, String name, Boolean fallback) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
            return v.asLong() == 1;
        }
        if (v.isString()) {
            switch (v.asString().toLowerCase(Locale.ROOT)) {
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
        throw invalid(name, "'" + show(v) + "' cannot be converted to boolean");
    }

    /** An integer (or its decimal text); null when the client sent null and {@code nullable}. */
    public static Integer integer(ObjectNode body, String name, Integer fallback, boolean nullable) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.isNull() && nullable) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isString() && v.asString().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asString().strip());
        }
        throw invalid(name, "'" + show(v) + "' is not an integer");
    }

    /** A list whose items {@code item} reads (and validates); a lone string counts as a list of one, as Neutron converts it. */
    public static <T> List<T> list(ObjectNode body, String name, Function<JsonNode, T> item, List<T> fallback) {
        JsonNode v = body.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(name, "'" + show(v) + "' is not a list");
        }
        List<T> out = new ArrayList<>();
        v.forEach(element -> out.add(item.apply(element)));
        return out;
    }

    /** Reads a list item that must be a string. */
    public static Function<JsonNode, String> stringItem(String name) {
        return element -> {
            if (!element.isString()) {
                throw invalid(name, "'" + show(element) + "' is not a valid string");
            }
            return element.asString();
        };
    }

    /** The body's {@code project_id} or {@code tenant_id} (which must agree), or {@code fallback}. */
    public static String project(ObjectNode body, String fallback) {
        String project = string(body, "project_id", 255, null);
        String tenant = string(body, "tenant_id", 255, null);
        if (project != null && tenant != null && !project.equals(tenant)) {
            throw NeutronErrors.invalidInput("'project_id' and 'tenant_id' do not match");
        }
        return project != null ? project : tenant != null ? tenant : fallback;
    }

    /** 400 "Cannot update read-only attribute x" for the first of {@code readOnly} the body names. */
    public static void refuseReadOnly(ObjectNode body, List<String> readOnly) {
        for (String name : readOnly) {
            if (body.has(name)) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "Cannot update read-only attribute " + name);
            }
        }
    }
}
