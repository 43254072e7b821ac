/**
 * Neutron's L3 API: routers (external gateways, interfaces, extra routes), floating IPs,
 * floating IP pools and auto-allocated topologies.
 *
 * <p>The feature owns tables {@code routers}, {@code router_ports}, {@code floatingips} and
 * {@code auto_allocated_topologies} (migrations V20-V29) and nothing else: networks, subnets and
 * ports are the core feature's, reached through {@link dev.overcast.network.l3.L3Ports} inside the
 * caller's transaction. The ports a router or floating IP needs (gateway, interface, floating IP
 * address) are ordinary ports the core's IPAM fills, owned by {@code network:router_gateway},
 * {@code network:router_interface} and {@code network:floatingip} with the router or floating IP
 * as {@code device_id}, as in Neutron.
 *
 * <p>Consistency: every write locks the router's row first (a floating IP association locks the
 * router that will carry it), so interface removal, gateway changes, associations and router
 * deletion take turns; one fixed IP has one floating IP per external network by a unique key; and
 * an auto-allocated topology is claimed by a primary key before it is built, in one transaction.
 *
 * <p>Wiring: {@link dev.overcast.network.l3.L3Feature} is the feature; the ports feature calls
 * {@link dev.overcast.network.l3.L3PortEvents} before and after deleting a port; the tags feature
 * registers {@link dev.overcast.network.l3.L3Feature#checkRouterTags} and
 * {@link dev.overcast.network.l3.L3Feature#checkFloatingIpTags} for {@code routers} and
 * {@code floatingips}; Compute hears of floating IP changes on servers' ports through
 * {@link dev.overcast.network.PortEvents}, after the change commits.
 */
package dev.overcast.network.l3;
