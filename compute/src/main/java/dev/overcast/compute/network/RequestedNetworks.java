package dev.overcast.compute.network;

import java.util.List;

/**
 * What a server create says of networks, before it is checked against the Network service.
 *
 * @param mode     how the networks were asked for
 * @param requests the NICs, for {@link Mode#LIST}
 */
public record RequestedNetworks(Mode mode, List<NetworkRequest> requests) {
    public enum Mode {
        /** No {@code networks} before 2.37: every network the project may use, if there is exactly one. */
        UNSPECIFIED,
        /** {@code "auto"}: the project's network, allocated for it on first use when it has none. */
        AUTO,
        /** {@code "none"} or {@code []}: no NIC. */
        NONE,
        /** An explicit list of networks, ports and fixed IPs. */
        LIST
    }

    public RequestedNetworks {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    public static RequestedNetworks of(Mode mode) {
        return new RequestedNetworks(mode, List.of());
    }

    public boolean none() {
        return mode == Mode.NONE;
    }
}
