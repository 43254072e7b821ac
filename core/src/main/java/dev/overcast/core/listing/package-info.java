/**
 * List endpoints the API-WG way: {@code limit}/{@code marker} paging with {@code next}
 * links, sorting by {@code sort_key}/{@code sort_dir} or {@code sort=key:dir,...}, and
 * whitelisted filters.
 *
 * <p>An endpoint declares a {@link dev.overcast.core.listing.ListSpec} once, parses each
 * request into a {@link dev.overcast.core.listing.ListQuery}, fetches {@code limit + 1}
 * rows (ordered by {@link dev.overcast.core.listing.SqlOrderBy}, or in memory by
 * {@link dev.overcast.core.listing.ListApplier}) and renders the result with
 * {@link dev.overcast.core.listing.Page}.
 */
package dev.overcast.core.listing;
