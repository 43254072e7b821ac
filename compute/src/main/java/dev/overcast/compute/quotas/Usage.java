package dev.overcast.compute.quotas;

import java.util.Map;

/**
 * What a project, and one of its users, use of the counted resources.
 *
 * @param project counts for the whole project: instances, cores, ram, server_groups
 * @param user    the same counts for the one user (empty when no user was asked for), plus
 *                key_pairs
 */
record Usage(Map<String, Long> project, Map<String, Long> user) {
    long project(String resource) {
        return project.getOrDefault(resource, 0L);
    }

    long user(String resource) {
        return user.getOrDefault(resource, 0L);
    }
}
