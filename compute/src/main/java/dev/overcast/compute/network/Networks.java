package dev.overcast.compute.network;

import java.util.List;

/**
 * What Compute asks of the Network service. {@link NeutronNetworks} asks it over HTTP;
 * {@link NoNetworks} is a cloud without one, where a server can have no NIC.
 */
public interface Networks {

    /**
     * Checks a create's networks and security groups with the caller's token, as Nova's
     * {@code validate_networks} does, and resolves {@code auto} and unspecified networks.
     *
     * @param count how many servers the create makes (a port can serve only one)
     * @throws dev.overcast.core.http.ApiException 400/404/409 with Nova's messages
     */
    Resolved resolve(String callerToken, String projectId, RequestedNetworks requested, List<String> securityGroups,
                     int count);

    /**
     * The checked networks of a create.
     *
     * @param requests       one per NIC, with the network of each port filled in
     * @param securityGroups the ids of the groups new ports get, empty for the project's default
     */
    record Resolved(List<NetworkRequest> requests, List<String> securityGroups) {
    }

    /**
     * Creates (or finds, when run again) the server's ports and binds them to {@code host}: the
     * build's networking step. Safe to repeat: ports already made for the server are reused.
     *
     * @throws NetworkFailure when a port cannot be made (no address left, say)
     */
    NetworkInfo allocate(Binding binding, List<NetworkRequest> requests, List<String> securityGroups);

    /** Where a server's ports are bound. */
    record Binding(String instanceUuid, String projectId, String host, String zone) {
    }

    /**
     * Deletes the ports made for the server and unbinds the ones it was given; safe to repeat.
     *
     * @param given the ids of the ports the user gave (kept, only unbound)
     */
    void deallocate(String instanceUuid, java.util.Set<String> given);

    /**
     * Unbinds the server's ports from its host, keeping them the server's: a shelved server is
     * offloaded from its host, and {@link #allocate} binds them again where it is unshelved.
     */
    void unbind(String instanceUuid);

    /** The server's NICs as Network shows them now (with floating IPs), for the info cache. */
    NetworkInfo refresh(String instanceUuid, java.util.Set<String> given);

    /** The server's ports, as os-interface lists them. */
    List<Port> ports(String instanceUuid);

    /** One port of the server as os-interface shows it. */
    record Port(String id, String networkId, String mac, String status, List<FixedIp> fixedIps) {
    }

    record FixedIp(String subnetId, String address) {
    }

    /**
     * Attaches a NIC to a running server: checks the request with the caller's token, then creates
     * or takes the port and binds it.
     */
    NetworkInfo.Vif attach(String callerToken, Binding binding, NetworkRequest request);

    /** Detaches a NIC: deletes the port if Compute made it, unbinds it otherwise. */
    void detach(NetworkInfo.Vif vif);

    /** The Network API with the caller's token, for Nova's proxy APIs; empty without a Network service. */
    java.util.Optional<NeutronProxy> proxy();

    /** A port could not be made or bound; the build fails with this message. */
    final class NetworkFailure extends RuntimeException {
        public NetworkFailure(String message) {
            super(message);
        }
    }
}
