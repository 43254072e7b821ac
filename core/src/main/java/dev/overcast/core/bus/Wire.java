package dev.overcast.core.bus;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The JSON a message becomes on its way between roles. Every transport converts through here
 * so that a value that does not survive the trip fails the same way everywhere: with a {@link
 * MessageFormatException} that names what was being converted. Any exception counts, not only
 * Jackson's: serialising runs the record's own accessors, and reading runs its constructor.
 */
public final class Wire {
    private Wire() {
    }

    /** {@code value} as JSON bytes. */
    public static byte[] encode(Object value, String what) {
        try {
            return Json.bytes(value);
        } catch (RuntimeException e) {
            throw new MessageFormatException("cannot write " + what + " as JSON: " + e.getMessage(), e);
        }
    }

    /** JSON bytes read as {@code type}. */
    public static <T> T decode(byte[] bytes, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (RuntimeException e) {
            throw new MessageFormatException("cannot read " + what + " from JSON: " + e.getMessage(), e);
        }
    }

    /** {@code value} as a JSON tree. */
    public static JsonNode toTree(Object value, String what) {
        try {
            return Json.tree(value);
        } catch (RuntimeException e) {
            throw new MessageFormatException("cannot write " + what + " as JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON tree read as {@code type}. */
    public static <T> T fromTree(JsonNode tree, Class<T> type, String what) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (RuntimeException e) {
            throw new MessageFormatException(
                    "cannot read " + what + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
