package dev.overcast.compute.flavors;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.overcast.compute.flavors.FlavorStore.FlavorRow;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * A flavor list request as Nova reads it: {@code minRam}, {@code minDisk}, {@code is_public}
 * (only admins choose; others see public flavors and their project's, never disabled ones),
 * {@code sort_key}/{@code sort_dir} over the flavor's columns, and {@code limit}/{@code marker}.
 * From 2.75 an unknown parameter is a 400.
 *
 * @param isPublic  true for public flavors (plus the caller's project's private ones), false for
 *                  private ones only, null for all
 * @param hideDisabled whether disabled flavors are left out
 * @param minRam    the least RAM in MiB, or null
 * @param minDisk   the least root disk in GiB, or null
 * @param sortKey   the column to sort by
 * @param ascending the direction
 * @param limit     items per page
 * @param marker    the flavor id the page starts after, or null
 */
record FlavorQuery(Boolean isPublic, boolean hideDisabled, Integer minRam, Integer minDisk, String sortKey,
                   boolean ascending, int limit, String marker) {
    /** Nova's {@code [api] max_limit}. */
    static final int MAX_LIMIT = 1000;

    static final List<String> SORT_KEYS = List.of("created_at", "description", "disabled", "ephemeral_gb",
            "flavorid", "id", "is_public", "memory_mb", "name", "root_gb", "rxtx_factor", "swap", "updated_at",
            "vcpu_weight", "vcpus");
    private static final Set<String> PARAMS = Set.of("limit", "marker", "is_public", "minRam", "minDisk",
            "sort_key", "sort_dir");

    private static final Map<String, Function<FlavorRow, Comparable<?>>> KEYS = Map.ofEntries(
            Map.entry("created_at", FlavorRow::createdAt),
            Map.entry("description", r -> r.flavor().description()),
            Map.entry("disabled", r -> r.flavor().disabled()),
            Map.entry("ephemeral_gb", r -> r.flavor().ephemeralGb()),
            Map.entry("flavorid", r -> r.flavor().flavorId()),
            Map.entry("id", r -> r.flavor().id()),
            Map.entry("is_public", r -> r.flavor().isPublic()),
            Map.entry("memory_mb", r -> r.flavor().memoryMb()),
            Map.entry("name", r -> r.flavor().name()),
            Map.entry("root_gb", r -> r.flavor().rootGb()),
            Map.entry("rxtx_factor", r -> r.flavor().rxtxFactor()),
            Map.entry("swap", r -> r.flavor().swap()),
            Map.entry("updated_at", FlavorRow::updatedAt),
            Map.entry("vcpu_weight", FlavorRow::vcpuWeight),
            Map.entry("vcpus", r -> r.flavor().vcpus()));

    static FlavorQuery parse(Request req, boolean admin) {
        if (req.versionAtLeast(2, 75)) {
            for (String name : req.queryParams().keySet()) {
                if (!PARAMS.contains(name)) {
                    throw ApiException.badRequest("Additional properties are not allowed ('" + name + "' was unexpected)");
                }
            }
        }
        String sortKey = req.query("sort_key").filter(s -> !s.isEmpty()).orElse("flavorid");
        if (!SORT_KEYS.contains(sortKey)) {
            throw ApiException.badRequest("Invalid input for query parameters sort_key. Value: " + sortKey + ". '"
                    + sortKey + "' is not one of " + python(SORT_KEYS));
        }
        String sortDir = req.query("sort_dir").filter(s -> !s.isEmpty()).orElse("asc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw ApiException.badRequest("Invalid input for query parameters sort_dir. Value: " + sortDir + ". '"
                    + sortDir + "' is not one of ['asc', 'desc']");
        }
        Boolean isPublic = admin ? parseIsPublic(req.query("is_public").orElse(null)) : Boolean.TRUE;
        return new FlavorQuery(isPublic, !admin, integer(req, "minRam"), integer(req, "minDisk"), sortKey,
                sortDir.equals("asc"), limit(req), req.query("marker").orElse(null));
    }

    /** Nova's {@code _parse_is_public}: absent means public, "none" means all. */
    private static Boolean parseIsPublic(String value) {
        if (value == null) {
            return Boolean.TRUE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "1", "t", "true", "on", "y", "yes" -> Boolean.TRUE;
            case "0", "f", "false", "off", "n", "no" -> Boolean.FALSE;
            default -> throw ApiException.badRequest("Invalid is_public filter [" + value + "]");
        };
    }

    private static Integer integer(Request req, String name) {
        String value = req.query(name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + " filter [" + value + "]");
        }
    }

    /** Nova's rules: a non-negative integer; 0 or more than the maximum means the maximum. */
    static int limit(Request req) {
        String value = req.query("limit").orElse(null);
        if (value == null) {
            return MAX_LIMIT;
        }
        if (!value.matches("[0-9]+")) {
            throw ApiException.badRequest("Invalid input for query parameters limit. Value: " + value + ". '" + value
                    + "' does not match '^[0-9]*$'");
        }
        BigInteger limit = new BigInteger(value);
        return limit.signum() == 0 ? MAX_LIMIT : limit.min(BigInteger.valueOf(MAX_LIMIT)).intValueExact();
    }

    /** Whether {@code row} passes the filters, given the private flavors the caller's project may use. */
    boolean matches(FlavorRow row, Set<Long> accessible) {
        Flavor f = row.flavor();
        if (isPublic != null) {
            boolean visible = isPublic ? f.isPublic() || accessible.contains(f.id()) : !f.isPublic();
            if (!visible) {
                return false;
            }
        }
        if (hideDisabled && f.disabled()) {
            return false;
        }
        if (minRam != null && f.memoryMb() < minRam) {
            return false;
        }
        return minDisk == null || f.rootGb() >= minDisk;
    }

    /** The order: the sort key, then the internal id, both in the asked direction; nulls first ascending, as MySQL. */
    Comparator<FlavorRow> order() {
        Function<FlavorRow, Comparable<?>> key = KEYS.get(sortKey);
        Comparator<FlavorRow> c = Comparator.comparing(r -> comparable(key.apply(r)),
                Comparator.nullsFirst(Comparator.<Comparable<Object>>naturalOrder()));
        c = c.thenComparingLong(r -> r.flavor().id());
        return ascending ? c : c.reversed();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Comparable<?> value) {
        return (Comparable<Object>) value;
    }

    private static String python(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
