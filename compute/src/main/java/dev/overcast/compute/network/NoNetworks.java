package dev.overcast.compute.network;

import java.util.List;
import java.util.Set;

import dev.overcast.core.http.ApiException;

/**
 * A cloud without a Network service: servers have no NIC, {@code auto} and unspecified networks
 * mean none, and a network, port or interface asked for by id cannot be found.
 */
public final class NoNetworks implements Networks {
    @Override
    public Resolved resolve(String token, String projectId, RequestedNetworks requested, List<String> groups,
            int count) {
        for (NetworkRequest r : requested.requests()) {
            if (r.portId() != null) {
                throw ApiException.badRequest("Port id " + r.portId() + " could not be found.");
            }
            throw ApiException.badRequest("Network " + r.networkId() + " could not be found.");
        }
        for (String group : groups) {
            if (!group.equals("default")) {
                throw ApiException.badRequest("Security group " + group + " not found for project " + projectId + ".");
            }
        }
        return new Resolved(List.of(), List.of());
    }

    @Override
    public java.util.Optional<NeutronProxy> proxy() {
        return java.util.Optional.empty();
    }

    @Override
    public NetworkInfo allocate(Binding binding, List<NetworkRequest> requests, List<String> groups) {
        return NetworkInfo.EMPTY;
    }

    @Override
    public void deallocate(String instanceUuid, Set<String> given) {
    }

    @Override
    public void unbind(String instanceUuid) {
    }

    @Override
    public NetworkInfo refresh(String instanceUuid, Set<String> given) {
        return NetworkInfo.EMPTY;
    }

    @Override
    public List<Port> ports(String instanceUuid) {
        return List.of();
    }

    @Override
    public NetworkInfo.Vif attach(String callerToken, Binding binding, NetworkRequest request) {
        throw ApiException.badRequest(request.portId() != null
                ? "Port id " + request.portId() + " could not be found."
                : "Network " + request.networkId() + " could not be found.");
    }

    @Override
    public void detach(NetworkInfo.Vif vif) {
        throw new IllegalStateException("no NIC can exist without a Network service");
    }
}
