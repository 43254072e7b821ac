package dev.overcast.core.listing;

import java.util.Objects;

/**
 * One sort key of a list request.
 *
 * @param key       the API's sort key, e.g. {@code created_at}
 * @param ascending true for {@code asc}, false for {@code desc}
 */
public record Sort(String key, boolean ascending) {
    public Sort {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("sort key must not be blank");
        }
    }

    /** Ascending by {@code key}. */
    public static Sort asc(String key) {
        return new Sort(key, true);
    }

    /** Descending by {@code key}. */
    public static Sort desc(String key) {
        return new Sort(key, false);
    }

    /** {@code asc} or {@code desc}, as the API spells it. */
    public String direction() {
        return ascending ? "asc" : "desc";
    }

    /** {@code "created_at:desc"}, the {@code sort=} form. */
    @Override
    public String toString() {
        return key + ":" + direction();
    }
}
