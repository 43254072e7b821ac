package dev.overcast.core.listing;

import java.util.Objects;

/**
 * A collection's links in Keystone's shape,
 * {@code "links": {"self": "...", "previous": null, "next": "..." or null}}.
 * Marker paging cannot go back, so {@code previous} is always null, as in Keystone.
 *
 * @param self     this request's URL
 * @param previous always null
 * @param next     the next page's URL, or null on the last page
 */
public record CollectionLinks(String self, String previous, String next) {
    public CollectionLinks {
        Objects.requireNonNull(self, "self");
    }
}
