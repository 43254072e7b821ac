package dev.overcast.network.l3;

import dev.overcast.core.http.ApiException;
import dev.overcast.network.NeutronErrors;

/** Neutron's L3 errors, with its types, status codes and messages (neutron-lib's l3 exceptions). */
final class L3Errors {
    private L3Errors() {
    }

    /** Neutron's generic {@code BadRequest}: "Bad router request: Network X is not an external network." */
    static ApiException badRequest(String resource, String why) {
        return NeutronErrors.of(400, "BadRequest", "Bad " + resource + " request: " + why + ".");
    }

    /** An attribute the API layer rejects: "Invalid input for name. Reason: ..." */
    static ApiException invalid(String attribute, String reason) {
        return NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for " + attribute + ". Reason: " + reason + ".");
    }

    static ApiException routerNotFound(String id) {
        return NeutronErrors.of(404, "RouterNotFound", "Router " + id + " could not be found");
    }

    static ApiException floatingIpNotFound(String id) {
        return NeutronErrors.of(404, "FloatingIPNotFound", "Floating IP " + id + " could not be found");
    }

    static ApiException networkNotFound(String id) {
        return NeutronErrors.notFound("Network", id);
    }

    static ApiException subnetNotFound(String id) {
        return NeutronErrors.notFound("Subnet", id);
    }

    static ApiException portNotFound(String id) {
        return NeutronErrors.notFound("Port", id);
    }

    static ApiException routerInUse(String id) {
        return NeutronErrors.conflict("RouterInUse", "Router " + id + " still has ports");
    }

    static ApiException interfaceNotFound(String routerId, String portId) {
        return NeutronErrors.of(404, "RouterInterfaceNotFound",
                "Router " + routerId + " does not have an interface with id " + portId);
    }

    static ApiException interfaceNotFoundForSubnet(String routerId, String subnetId) {
        return NeutronErrors.of(404, "RouterInterfaceNotFoundForSubnet",
                "Router " + routerId + " has no interface on subnet " + subnetId);
    }

    static ApiException interfaceInUseByFloatingIp(String routerId, String subnetId) {
        return NeutronErrors.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet " + subnetId
                + " on router " + routerId + " cannot be deleted, as it is required by one or more floating IPs.");
    }

    static ApiException interfaceInUseByRoute(String routerId, String subnetId) {
        return NeutronErrors.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet " + subnetId
                + " on router " + routerId + " cannot be deleted, as it is required by one or more routes.");
    }

    static ApiException gatewayInUseByFloatingIp(String routerId, String networkId) {
        return NeutronErrors.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for router "
                + routerId + ", since a gateway to external network " + networkId
                + " is required by one or more floating IPs.");
    }

    static ApiException portInUse(String portId, String networkId, String deviceId) {
        return NeutronErrors.conflict("PortInUse", "Unable to complete operation on port " + portId + " for network "
                + networkId + ". Port already has an attached device " + deviceId + ".");
    }

    static ApiException gatewayNotReachable(String externalNetworkId, String subnetId, String portId) {
        return NeutronErrors.of(404, "ExternalGatewayForFloatingIPNotFound", "External network " + externalNetworkId
                + " is not reachable from subnet " + subnetId + ".  Therefore, cannot associate Port " + portId
                + " with a Floating IP.");
    }

    static ApiException alreadyAssociated(FloatingIpRow fip, String portId, String fixedIp) {
        return NeutronErrors.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                + fip.floatingIpAddress() + " (" + fip.id() + ") with port " + portId + " using fixed IP " + fixedIp
                + ", as that fixed IP already has a floating IP on external network " + fip.floatingNetworkId() + ".");
    }

    static ApiException servicePortInUse(String portId, String reason) {
        return NeutronErrors.conflict("ServicePortInUse",
                "Port " + portId + " cannot be deleted directly via the port API: " + reason + ".");
    }

    /** Auto-allocation's {@code AutoAllocationFailure}: "Deployment error: No default router:external network." */
    static ApiException deploymentError(String reason) {
        return NeutronErrors.conflict("AutoAllocationFailure", "Deployment error: " + reason + ".");
    }
}
