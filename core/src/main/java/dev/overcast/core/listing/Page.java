package dev.overcast.core.listing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list and where the next one starts.
 *
 * <p>Fetch {@link ListQuery#fetchLimit()} items (the limit plus one): if the extra item
 * came back there is a next page, whose marker is the id of the last item shown. This
 * avoids Nova's quirk of offering a {@code next} link after a page that happened to be
 * exactly full.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextMarker;

    private Page(List<T> items, String nextMarker) {
        this.items = List.copyOf(items);
        this.nextMarker = nextMarker;
    }

    /**
     * Cuts a page from items fetched with {@code limit + 1}.
     *
     * @param fetched at most {@code limit + 1} items, in the requested order
     * @param limit   the page size asked for
     * @param id      the id a marker names
     * @throws IllegalArgumentException when more than {@code limit + 1} items were fetched
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<? super T, String> id) {
        if (limit < Integer.MAX_VALUE && fetched.size() > limit + 1) {
            throw new IllegalArgumentException("fetched " + fetched.size() + " items for a limit of " + limit
                    + "; fetch limit + 1");
        }
        if (fetched.size() <= limit || limit == 0) {
            return new Page<>(fetched.subList(0, Math.min(limit, fetched.size())), null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, Objects.requireNonNull(id.apply(shown.getLast()), "id of the last item"));
    }

    /** Cuts a page for {@code query} from items fetched with {@link ListQuery#fetchLimit()}. */
    public static <T> Page<T> of(List<T> fetched, ListQuery query, Function<? super T, String> id) {
        return of(fetched, query.limit(), id);
    }

    /** The items to show. */
    public List<T> items() {
        return items;
    }

    /** The marker of the next page, if there is one. */
    public Optional<String> nextMarker() {
        return Optional.ofNullable(nextMarker);
    }

    /** True when more items follow this page. */
    public boolean hasNext() {
        return nextMarker != null;
    }

    /** The same page with each item converted, e.g. rows into API views. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextMarker);
    }

    /**
     * The next page's URL: {@code baseUrl} with the request's query, {@code marker} replaced.
     *
     * @param baseUrl     the collection's public URL, without a query
     * @param queryParams the request's query parameters
     */
    public Optional<String> nextHref(String baseUrl, Map<String, List<String>> queryParams) {
        return nextMarker().map(marker -> QueryString.url(baseUrl, QueryString.withMarker(queryParams, marker)));
    }

    /**
     * Nova's {@code <collection>_links}: one {@code next} link, or an empty list on the last
     * page (Nova then leaves the key out).
     */
    public List<Link> links(String baseUrl, Map<String, List<String>> queryParams) {
        return nextHref(baseUrl, queryParams).map(Link::next).stream().toList();
    }

    /** Keystone's {@code links}: {@code self}, {@code previous} (null) and {@code next} (or null). */
    public CollectionLinks collectionLinks(String baseUrl, Map<String, List<String>> queryParams) {
        return new CollectionLinks(QueryString.url(baseUrl, queryParams), null,
                nextHref(baseUrl, queryParams).orElse(null));
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items, next=" + nextMarker + "]";
    }
}
