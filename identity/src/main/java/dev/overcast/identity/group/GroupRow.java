package dev.overcast.identity.group;

/** A group as stored. */
public record GroupRow(String id, String name, String domainId, String description, String extra) {
}
