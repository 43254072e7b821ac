package dev.overcast.core.listing;

import dev.overcast.core.http.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the order a client asked for, in either of the two forms OpenStack uses:
 * repeated {@code sort_key}/{@code sort_dir} pairs (Nova, Cinder, Glance v1) or the API-WG
 * {@code sort=key1:asc,key2} form (Glance v2, Ironic).
 */
final class SortParser {
    private SortParser() {
    }

    static List<Sort> parse(Map<String, List<String>> params, ListSpec spec) {
        List<String> sort = values(params, "sort");
        List<String> keys = values(params, "sort_key");
        List<String> dirs = values(params, "sort_dir");
        if (!sort.isEmpty() && !(keys.isEmpty() && dirs.isEmpty())) {
            throw ApiException.badRequest("The sort parameter cannot be combined with sort_key or sort_dir.");
        }
        List<Sort> sorts;
        if (!sort.isEmpty()) {
            sorts = parseSortForm(sort, spec);
        } else if (!keys.isEmpty() || !dirs.isEmpty()) {
            sorts = parseKeyDirPairs(keys, dirs, spec);
        } else {
            sorts = spec.defaultSort();
        }
        requireDistinct(sorts);
        return withTieBreaker(sorts, spec);
    }

    /** {@code sort=name:asc,created_at}: a key without a direction takes the server's default. */
    private static List<Sort> parseSortForm(List<String> values, ListSpec spec) {
        var sorts = new ArrayList<Sort>();
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String[] parts = item.split(":", 2);
                String key = requireSortKey(parts[0].strip(), spec);
                boolean ascending = parts.length == 1 ? spec.defaultAscending() : direction(parts[1].strip());
                sorts.add(new Sort(key, ascending));
            }
        }
        return sorts;
    }

    /**
     * Nova's pairing: the n-th {@code sort_dir} goes with the n-th {@code sort_key}; keys past
     * the last direction take the first direction given (the default when none is); directions
     * without keys apply to the default sort keys; more directions than keys is an error.
     */
    private static List<Sort> parseKeyDirPairs(List<String> keys, List<String> dirs, ListSpec spec) {
        List<String> sortKeys = keys.isEmpty()
                ? spec.defaultSort().stream().map(Sort::key).toList()
                : keys.stream().map(key -> requireSortKey(key.strip(), spec)).toList();
        if (dirs.size() > sortKeys.size()) {
            throw ApiException.badRequest("Sort direction size exceeds sort key size");
        }
        List<Boolean> ascending = dirs.stream().map(dir -> direction(dir.strip())).toList();
        boolean fallback = ascending.isEmpty() ? spec.defaultAscending() : ascending.getFirst();
        var sorts = new ArrayList<Sort>();
        for (int i = 0; i < sortKeys.size(); i++) {
            sorts.add(new Sort(sortKeys.get(i), i < ascending.size() ? ascending.get(i) : fallback));
        }
        return sorts;
    }

    /** Appends the unique key, in the direction of the first sort, so that the order is total. */
    private static List<Sort> withTieBreaker(List<Sort> sorts, ListSpec spec) {
        if (spec.tieBreaker().isEmpty() || sorts.stream().anyMatch(s -> s.key().equals(spec.tieBreaker().get()))) {
            return List.copyOf(sorts);
        }
        var all = new ArrayList<>(sorts);
        all.add(new Sort(spec.tieBreaker().get(), sorts.isEmpty() || sorts.getFirst().ascending()));
        return List.copyOf(all);
    }

    private static String requireSortKey(String key, ListSpec spec) {
        if (!spec.sortKeys().contains(key)) {
            throw ApiException.badRequest(spec.sortKeys().isEmpty()
                    ? "Invalid sort key: " + key + ". This list cannot be sorted."
                    : "Invalid sort key: " + key + ". It must be one of: " + String.join(", ", spec.sortKeys()) + ".");
        }
        return key;
    }

    private static boolean direction(String dir) {
        return switch (dir) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ApiException.badRequest("Invalid sort direction: " + dir + ". It must be 'asc' or 'desc'.");
        };
    }

    private static void requireDistinct(List<Sort> sorts) {
        var seen = new HashSet<String>();
        for (Sort sort : sorts) {
            if (!seen.add(sort.key())) {
                throw ApiException.badRequest("Sort key " + sort.key() + " is given more than once.");
            }
        }
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }
}
