package dev.overcast.core.listing;

import java.util.Objects;

/**
 * A link in Nova's collection shape, {@code {"rel": "next", "href": "..."}}, as found in
 * {@code servers_links}.
 *
 * @param rel  the relation, e.g. {@code next}
 * @param href the absolute URL
 */
public record Link(String rel, String href) {
    public Link {
        Objects.requireNonNull(rel, "rel");
        Objects.requireNonNull(href, "href");
    }

    /** {@code {"rel": "next", "href": href}}. */
    public static Link next(String href) {
        return new Link("next", href);
    }
}
