package dev.overcast.network.tags;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.Request;

/**
 * What tagging needs of a resource type: that a resource exists and what the caller may do with
 * it. Each taggable collection registers one with {@link Tags}, so routers, floating IPs and
 * security groups join with one line each.
 */
@FunctionalInterface
public interface Taggable {

    /**
     * Checks that resource {@code id} exists and the caller may see it (404 otherwise, in the
     * resource's own words) and, when {@code modify}, that the caller may update it (403).
     */
    void check(Handle handle, Request request, String id, boolean modify);
}
