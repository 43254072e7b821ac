package dev.overcast.compute.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.overcast.compute.scheduler.ServerGroup;

/**
 * A server group as stored.
 *
 * @param id               the row id
 * @param uuid             the group's id in the API
 * @param name             its name
 * @param projectId        the project it belongs to
 * @param userId           the user who made it
 * @param policy           its one policy
 * @param maxServerPerHost the {@code max_server_per_host} rule of an anti-affinity group, or null
 *                         when it has none
 * @param members          the instances booted into it, in the order they joined, deleted ones
 *                         included (the API shows only the others)
 * @param createdAt        when it was made
 */
public record Group(long id, String uuid, String name, String projectId, String userId, ServerGroup.Policy policy,
                    Integer maxServerPerHost, List<String> members, Instant createdAt) {
    public Group {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(policy, "policy");
        members = List.copyOf(members);
    }

    /** The rules as the API shows them from 2.64: {@code {}} or {@code {"max_server_per_host": n}}. */
    public Map<String, Integer> rules() {
        return maxServerPerHost == null ? Map.of() : Map.of("max_server_per_host", maxServerPerHost);
    }
}
