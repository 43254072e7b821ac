package dev.overcast.compute.servers;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * What server metadata may be, wherever a request carries it (create, rebuild, snapshots, the
 * metadata API): an object of string keys of 1 to 255 characters and string values of at most 255.
 */
final class MetadataRules {
    /** Nova's default {@code metadata_items} quota: items one server or snapshot may carry. */
    static final int MAX_ITEMS = 128;

    private MetadataRules() {
    }

    /**
     * The items of {@code m}, a 400 naming {@code field} when they break the rules.
     *
     * @param m the metadata object, or null (or JSON null) for none
     */
    static Map<String, String> read(String field, JsonNode m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m == null || m.isNull()) {
            return out;
        }
        if (!m.isObject()) {
            throw CreateRequest.invalid(field, m.toString(), m + " is not of type 'object'");
        }
        for (var e : m.properties()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255) {
                throw CreateRequest.invalid(field, e.getKey(), "metadata keys must be 1 to 255 characters");
            }
            if (!e.getValue().isString() || e.getValue().asString().length() > 255) {
                throw CreateRequest.invalid(field + "." + e.getKey(), e.getValue().toString(),
                        "metadata values must be strings of at most 255 characters");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    /** A 403 when {@code items} is over the {@code metadata_items} quota. */
    static void checkCount(int items) {
        if (items > MAX_ITEMS) {
            throw ApiException.forbidden("Quota exceeded for metadata_items: Requested " + items + ", but the limit "
                    + "is " + MAX_ITEMS + " metadata_items");
        }
    }
}
