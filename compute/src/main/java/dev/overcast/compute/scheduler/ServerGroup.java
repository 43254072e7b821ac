package dev.overcast.compute.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server group an instance is booted into, with what the scheduler needs of it.
 *
 * @param uuid           the group's id
 * @param policy         the group's one policy
 * @param maxServerPerHost the {@code max_server_per_host} rule of an anti-affinity group; 1 when the group has none
 * @param membersPerHost how many members of the group each host already runs, by host name
 */
public record ServerGroup(String uuid, Policy policy, int maxServerPerHost, Map<String, Integer> membersPerHost) {

    /** A server group's policy, as Nova's API names it. */
    public enum Policy {
        AFFINITY("affinity"), ANTI_AFFINITY("anti-affinity"),
        SOFT_AFFINITY("soft-affinity"), SOFT_ANTI_AFFINITY("soft-anti-affinity");

        private final String apiName;

        Policy(String apiName) {
            this.apiName = apiName;
        }

        /** The name the API uses. */
        public String apiName() {
            return apiName;
        }

        /** The policy the API calls {@code name}. */
        public static Policy of(String name) {
            for (Policy p : values()) {
                if (p.apiName.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown server group policy " + name);
        }
    }

    public ServerGroup {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(policy, "policy");
        if (maxServerPerHost < 1) {
            throw new IllegalArgumentException("max_server_per_host must be 1 or more, got " + maxServerPerHost);
        }
        membersPerHost = membersPerHost == null ? Map.of() : Map.copyOf(membersPerHost);
    }

    /** A group with no rules and no members yet. */
    public static ServerGroup of(String uuid, Policy policy) {
        return new ServerGroup(uuid, policy, 1, Map.of());
    }

    /** How many members of this group run on {@code host}. */
    public int membersOn(String host) {
        Integer n = membersPerHost.get(host);
        return n == null ? 0 : n;
    }

    /** The hosts that run members of this group. */
    public java.util.Set<String> hosts() {
        return membersPerHost.keySet();
    }

    /** This group after one more member landed on {@code host}, as Nova appends to the group's hosts. */
    public ServerGroup withMemberOn(String host) {
        Map<String, Integer> next = new HashMap<>(membersPerHost);
        next.merge(host, 1, Integer::sum);
        return new ServerGroup(uuid, policy, maxServerPerHost, next);
    }
}
