package dev.overcast.compute.flavors;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import dev.overcast.compute.flavors.FlavorStore.NewFlavor;
import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * What Nova checks of a flavor beyond its JSON schema ({@code nova.compute.flavors.create} and
 * the {@code name} and {@code description} formats), with its messages. Numbers may come as
 * JSON numbers or as digit strings, so the ranges are checked here for both.
 */
final class FlavorInput {
    static final int MAX_INT = Integer.MAX_VALUE;
    private static final double SQL_SP_FLOAT_MAX = 3.40282e+38;

    private FlavorInput() {
    }

    /** The new flavor of a validated {@code {"flavor": {...}}} body. */
    static NewFlavor create(JsonNode f, boolean withDescription) {
        String name = f.get("name").asString();
        requireName(name);
        String flavorId = flavorId(f.get("id"));
        int ram = integer(f.get("ram"), "ram", 1);
        int vcpus = integer(f.get("vcpus"), "vcpus", 1);
        int disk = integer(f.get("disk"), "disk", 0);
        int ephemeral = f.has("OS-FLV-EXT-DATA:ephemeral")
                ? integer(f.get("OS-FLV-EXT-DATA:ephemeral"), "ephemeral", 0) : 0;
        int swap = f.has("swap") ? integer(f.get("swap"), "swap", 0) : 0;
        double rxtx = f.has("rxtx_factor") ? rxtxFactor(f.get("rxtx_factor")) : 1.0;
        boolean isPublic = !f.has("os-flavor-access:is_public") || bool(f.get("os-flavor-access:is_public"));
        String description = null;
        if (withDescription && f.hasNonNull("description")) {
            description = f.get("description").asString();
            requireDescription(description);
        }
        return new NewFlavor(flavorId, name, ram, vcpus, disk, ephemeral, swap, rxtx, isPublic, description);
    }

    /** A given id as text (numbers as Python prints them); absent, null or 0 means a new uuid. */
    private static String flavorId(JsonNode id) {
        if (id == null || id.isNull() || (id.isNumber() && id.decimalValue().signum() == 0)) {
            return UUID.randomUUID().toString();
        }
        if (id.isNumber()) {
            return id.isIntegralNumber() ? id.bigIntegerValue().toString() : Double.toString(id.doubleValue());
        }
        return id.asString();
    }

    private static int integer(JsonNode node, String name, int min) {
        long value;
        try {
            value = new BigDecimal(node.asString().strip()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiException.badRequest("Invalid input received: " + name + " must be an integer");
        }
        if (value < min) {
            throw ApiException.badRequest("Invalid input received: " + name + " must be >= " + min);
        }
        if (value > MAX_INT) {
            throw ApiException.badRequest("Invalid input received: " + name + " must be <= " + MAX_INT);
        }
        return (int) value;
    }

    private static double rxtxFactor(JsonNode node) {
        double value;
        try {
            value = Double.parseDouble(node.asString());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (!(value > 0) || value > SQL_SP_FLOAT_MAX) {
            throw ApiException.badRequest("Invalid input received: 'rxtx_factor' argument must be a float between 0 and "
                    + "3.40282e+38");
        }
        return value;
    }

    /** oslo's strict {@code bool_from_string}; the schema already limited the values. */
    static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return switch (node.asString().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            case "0", "f", "false", "off", "n", "no" -> false;
            default -> throw ApiException.badRequest("Invalid input received: is_public must be a boolean");
        };
    }

    /**
     * Nova's {@code name} format: printable characters (no control or format characters, no
     * line or paragraph separators) that neither start nor end with a space.
     */
    static void requireName(String name) {
        boolean ok = !name.isEmpty() && name.codePoints().allMatch(FlavorInput::printable)
                && !Character.isSpaceChar(name.codePointAt(0))
                && !Character.isSpaceChar(name.codePointBefore(name.length()));
        if (!ok) {
            throw ApiException.badRequest("An invalid 'name' value was provided. The name must be: printable "
                    + "characters. Can not start or end with whitespace.");
        }
    }

    static void requireDescription(String description) {
        if (!description.codePoints().allMatch(FlavorInput::printable)) {
            throw ApiException.badRequest("Invalid input for field/attribute description. Value: " + description
                    + ". The description must be printable characters.");
        }
    }

    /** Python's test: not an "other" character (C*) and not a separator other than a space (Zl, Zp). */
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return switch (type) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
