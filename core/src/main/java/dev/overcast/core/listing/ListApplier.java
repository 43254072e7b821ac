package dev.overcast.core.listing;

import dev.overcast.core.http.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a {@link ListQuery}'s order, marker and limit to a list already in memory, for
 * collections small enough not to need the database (flavors of a test cloud, extensions,
 * availability zones). Filtering stays with the caller: only it knows what a filter means.
 *
 * <p>Sorting is stable and puts nulls last in either direction, the same order
 * {@link SqlOrderBy} asks the database for.
 */
public final class ListApplier {
    private ListApplier() {
    }

    /**
     * Sorts, starts after the marker, then keeps at most {@code query.limit()} items.
     *
     * @param items the whole (filtered) collection; not modified
     * @param id    the id a marker names
     * @param keys  how to read each sort key from an item
     * @throws ApiException 400 when the marker names no item
     * @throws IllegalArgumentException when a sort key has no entry in {@code keys}
     */
    public static <T> List<T> apply(List<T> items, ListQuery query, Function<? super T, String> id,
            Map<String, ? extends Function<? super T, ? extends Comparable<?>>> keys) {
        return window(items, query, id, keys, query.limit());
    }

    /** Like {@link #apply}, but returns the {@link Page}, which knows whether more follow. */
    public static <T> Page<T> page(List<T> items, ListQuery query, Function<? super T, String> id,
            Map<String, ? extends Function<? super T, ? extends Comparable<?>>> keys) {
        return Page.of(window(items, query, id, keys, query.fetchLimit()), query, id);
    }

    private static <T> List<T> window(List<T> items, ListQuery query, Function<? super T, String> id,
            Map<String, ? extends Function<? super T, ? extends Comparable<?>>> keys, int count) {
        var sorted = new ArrayList<T>(items);
        sorted.sort(comparator(query.sorts(), keys));
        int start = 0;
        if (query.marker() != null) {
            start = indexOf(sorted, query.marker(), id) + 1;
        }
        int end = (int) Math.min((long) start + count, sorted.size());
        return List.copyOf(sorted.subList(start, end));
    }

    private static <T> int indexOf(List<T> items, String marker, Function<? super T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            if (marker.equals(id.apply(items.get(i)))) {
                return i;
            }
        }
        throw ApiException.badRequest("marker [" + marker + "] not found");
    }

    private static <T> Comparator<T> comparator(List<Sort> sorts,
            Map<String, ? extends Function<? super T, ? extends Comparable<?>>> keys) {
        Comparator<T> order = (a, b) -> 0;
        for (Sort sort : sorts) {
            Function<? super T, ? extends Comparable<?>> key = keys.get(sort.key());
            if (key == null) {
                throw new IllegalArgumentException("no accessor for sort key " + sort.key());
            }
            Comparator<Comparable<Object>> values = sort.ascending()
                    ? Comparator.<Comparable<Object>>naturalOrder()
                    : Comparator.<Comparable<Object>>reverseOrder();
            order = order.thenComparing(item -> asComparable(key.apply(item)), Comparator.nullsLast(values));
        }
        return order;
    }

    /** Sort keys of one column hold one type, so comparing them with each other is safe. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> asComparable(Comparable<?> value) {
        return (Comparable<Object>) value;
    }
}
