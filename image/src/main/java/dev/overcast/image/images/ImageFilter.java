package dev.overcast.image.images;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.listing.ListSpec;

/**
 * The filters of {@code GET /v2/images} as one predicate over image rows, built from the query:
 * equality on the base attributes ({@code in:a,b} for several values where Glance allows it),
 * {@code size_min}/{@code size_max}, time comparisons on {@code created_at}/{@code updated_at}
 * ({@code gt:}, {@code gte:}, {@code lt:}, {@code lte:}, {@code eq:}, {@code neq:}), and any
 * other key as a custom property. Visibility, membership, tags and {@code os_hidden} depend on
 * more than the row and stay with {@link ImageListing}. Pure: tested without a server.
 */
final class ImageFilter {
    private ImageFilter() {
    }

    /** Parameters that are not custom-property filters. */
    static final Set<String> SPECIAL = Set.of("visibility", "member_status", "tag", "os_hidden", "size_min",
            "size_max");

    static Predicate<ImageRow> of(Map<String, List<String>> query) {
        List<Predicate<ImageRow>> all = new ArrayList<>();
        for (var param : query.entrySet()) {
            String key = param.getKey();
            if (ListSpec.PAGING_PARAMS.contains(key) || SPECIAL.contains(key) || param.getValue().isEmpty()) {
                continue;
            }
            String value = param.getValue().getLast();
            if (key.equals("changes-since")) {
                throw ApiException.badRequest("The \"changes-since\" filter is no longer available on v2.");
            }
            all.add(switch (key) {
                case "id", "name", "status", "container_format", "disk_format" -> oneOf(key, value);
                case "owner" -> row -> value.equals(row.owner());
                case "checksum" -> row -> value.equals(row.checksum());
                case "os_hash_value" -> row -> value.equals(row.osHashValue());
                case "size" -> row -> row.size() != null && row.size() == number(key, value);
                case "virtual_size" -> row -> row.virtualSize() != null && row.virtualSize() == number(key, value);
                case "min_ram" -> row -> row.minRam() == number(key, value);
                case "min_disk" -> row -> row.minDisk() == number(key, value);
                case "protected" -> row -> row.isProtected() == bool(key, value);
                case "created_at" -> time(value, ImageRow::createdAt);
                case "updated_at" -> time(value, ImageRow::updatedAt);
                default -> row -> value.equals(ImageView.properties(row).get(key));
            });
        }
        first(query, "size_min").ifPresent(v -> {
            long min = number("size_min", v);
            all.add(row -> row.size() != null && row.size() >= min);
        });
        first(query, "size_max").ifPresent(v -> {
            long max = number("size_max", v);
            all.add(row -> row.size() != null && row.size() <= max);
        });
        return all.stream().reduce(row -> true, Predicate::and);
    }

    private static java.util.Optional<String> first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(values.getLast());
    }

    /** {@code value} or {@code in:a,b,c}. */
    private static Predicate<ImageRow> oneOf(String key, String value) {
        List<String> wanted = value.startsWith("in:") ? List.of(value.substring(3).split(",")) : List.of(value);
        return row -> wanted.contains(switch (key) {
            case "id" -> row.id();
            case "name" -> row.name();
            case "status" -> row.status();
            case "container_format" -> row.containerFormat();
            default -> row.diskFormat();
        });
    }

    /** {@code [op:]timestamp}, Glance's time filter; no operator means {@code eq}. */
    static Predicate<ImageRow> time(String value, java.util.function.Function<ImageRow, Instant> exact) {
        // Clients only ever see whole seconds, so that is what they compare with.
        java.util.function.Function<ImageRow, Instant> attribute =
                row -> exact.apply(row).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String op = "eq";
        String text = value;
        int colon = value.indexOf(':');
        if (colon > 0 && value.substring(0, colon).matches("[a-z]+")) {
            op = value.substring(0, colon);
            text = value.substring(colon + 1);
        }
        Instant at = instant(text);
        return switch (op) {
            case "gt" -> row -> attribute.apply(row).isAfter(at);
            case "gte" -> row -> !attribute.apply(row).isBefore(at);
            case "lt" -> row -> attribute.apply(row).isBefore(at);
            case "lte" -> row -> !attribute.apply(row).isAfter(at);
            case "eq" -> row -> attribute.apply(row).equals(at);
            case "neq" -> row -> !attribute.apply(row).equals(at);
            default -> throw ApiException.badRequest("Invalid operator specified: " + op);
        };
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest("Invalid time format for " + text + ".");
            }
        }
    }

    static long number(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for " + key + ": " + value);
        }
    }

    static boolean bool(String key, String value) {
        return switch (value.strip().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.badRequest("Invalid value for " + key + ": " + value
                    + ". It must be a boolean.");
        };
    }
}
