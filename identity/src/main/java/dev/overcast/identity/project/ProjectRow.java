package dev.overcast.identity.project;

import java.time.Instant;

/** A project or, with {@code isDomain}, a domain, as stored. */
public record ProjectRow(String id, String name, String domainId, String parentId, String description,
                         boolean enabled, boolean isDomain, String extra, Instant createdAt) {

    /** The domain_id of domains (they belong to no domain). */
    public static final String ROOT = "<<keystone.domain.root>>";
}
