package dev.overcast.compute.quotas;

import java.util.Locale;

import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/** Limits as the schemas let them through: JSON integers or digit strings, and oslo's booleans. */
final class QuotaValues {
    private QuotaValues() {
    }

    static long integer(JsonNode value) {
        try {
            return Long.parseLong(value.asString().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid input received: " + value.asString() + " is not an integer");
        }
    }

    static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return switch (value.asString().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            default -> false;
        };
    }
}
