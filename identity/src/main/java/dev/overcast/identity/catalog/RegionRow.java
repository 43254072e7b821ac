package dev.overcast.identity.catalog;

/** A region. */
public record RegionRow(String id, String description, String parentRegionId, String extra) {
}
