package dev.overcast.network.l3;

import java.util.List;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Routes;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;
import dev.overcast.network.PortEvents;
import dev.overcast.network.QuotaCheck;

/**
 * Routers, floating IPs, floating IP pools and auto-allocated topologies: Neutron's L3 API.
 * Networks, subnets and ports are the core feature's; this feature reaches them through
 * {@link L3Ports}, and the ports feature tells it about port deletes through {@link #portEvents()}.
 */
public final class L3Feature implements NetworkFeature {
    private final L3Context l3;

    /**
     * @param ports  networks, subnets and ports, implemented over the core feature
     * @param quotas  the quota feature's check, asked before routers, floating IPs (and the network
     *                and subnet of an auto-allocated topology) are created
     * @param compute told, after the change commits, when a server's port ({@code compute:*}) gains,
     *                changes or loses a floating IP, so that its {@code addresses} follow
     */
    public L3Feature(NetworkContext ctx, L3Ports ports, QuotaCheck quotas, PortEvents compute) {
        this.l3 = new L3Context(ctx, ports, quotas, compute);
    }

    /** What the ports feature calls when ports are deleted. */
    public L3PortEvents portEvents() {
        return new L3PortEvents(l3);
    }

    /**
     * For the tags API on {@code /v2.0/routers/{id}/tags} (tag resource type {@code routers}): the
     * router exists and the caller sees it (404 {@code RouterNotFound}) and, when {@code modify},
     * may update it (403). The shape of the core's {@code Taggable}: register {@code l3::checkRouterTags}.
     */
    public void checkRouterTags(Handle handle, Request request, String id, boolean modify) {
        Caller caller = Caller.of(l3.network(), request);
        RouterRow row = new Routers(l3).visible(handle, caller, id);
        caller.enforce(modify ? "update_router" : "get_router", row.projectId());
    }

    /** As {@link #checkRouterTags}, for {@code /v2.0/floatingips/{id}/tags} (resource type {@code floatingips}). */
    public void checkFloatingIpTags(Handle handle, Request request, String id, boolean modify) {
        Caller caller = Caller.of(l3.network(), request);
        FloatingIpRow row = new FloatingIps(l3).visible(handle, caller, id);
        caller.enforce(modify ? "update_floatingip" : "get_floatingip", row.projectId());
    }

    @Override
    public void routes(Routes routes) {
        new RouterApi(l3).routes(routes);
        new FloatingIpApi(l3).routes(routes);
        new FloatingIpPoolApi(l3).routes(routes);
        new AutoAllocationApi(l3).routes(routes);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(
                new Extension("router", "Neutron L3 Router",
                        "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external "
                                + "networks via a NAT gateway."),
                new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode",
                        "Extension of the router abstraction for specifying whether SNAT should occur on the "
                                + "external gateway"),
                new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router"),
                new Extension("extraroute-atomic", "Atomically add/remove extra routes",
                        "Edit extra routes of a router on server side by atomically adding/removing extra routes"),
                new Extension("fip-port-details", "Floating IP Port Details Extension",
                        "Add port_details attribute to Floating IP resource"),
                new Extension("floatingip-pools", "Floating IP Pools Extension",
                        "Provides a floating IP pools API."),
                new Extension("auto-allocated-topology", "Auto Allocated Topology Services",
                        "Auto Allocated Topology Services."));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("router", "routers"), new Collection("floatingip", "floatingips"),
                new Collection("floatingip_pool", "floatingip_pools"));
    }
}
