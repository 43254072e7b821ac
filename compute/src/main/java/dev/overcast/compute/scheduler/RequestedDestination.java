package dev.overcast.compute.scheduler;

import java.util.Objects;

/**
 * A destination the request names (live migration or boot with {@code host}/{@code hypervisor_hostname}):
 * the scheduler still filters, but only among this host's nodes.
 *
 * @param host the host name
 * @param node the node name, or null for any node of the host
 */
public record RequestedDestination(String host, String node) {
    public RequestedDestination {
        Objects.requireNonNull(host, "host");
    }

    /** Whether {@code state} is (one of) the requested node(s). */
    public boolean matches(HostState state) {
        return host.equals(state.host()) && (node == null || node.equals(state.node()));
    }
}
