package dev.overcast.network.l3;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's auto-allocated topology ({@code auto-allocated-topology}), what {@code networks:
 * auto} gives a server: on first use, a network {@code auto_allocated_network} with an IPv4
 * subnet {@code auto_allocated_subnet_v4}, and a router {@code auto_allocated_router} with a
 * gateway on the default external network and an interface on the subnet.
 *
 * <p>Upstream carves the subnet from the default subnet pool. Overcast has no subnet pools in
 * this feature, so each project gets a fixed /26 inside 10.0.0.0/8 chosen from a hash of its id
 * (projects may overlap, as Neutron allows; each has its own router).
 *
 * <p>Concurrent first requests build it once: the builder's first write claims the project's
 * row in {@code auto_allocated_topologies}; a second builder's claim waits on that key and
 * fails when the first commits, and it then answers what the first built. Everything is built
 * in one transaction, so a failure leaves nothing behind.
 */
final class AutoAllocation {
    static final String NETWORK_NAME = "auto_allocated_network";
    static final String SUBNET_NAME = "auto_allocated_subnet_v4";
    static final String ROUTER_NAME = "auto_allocated_router";
    private static final int ATTEMPTS = 3;

    private final L3Context l3;

    AutoAllocation(L3Context l3) {
        this.l3 = l3;
    }

    /** The project's topology network, built on first use. */
    String ensure(Caller caller, String projectId) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> existing = l3.network().jdbi().inTransaction(h -> current(h, projectId));
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                return l3.network().jdbi().inTransaction(h -> build(h, caller.elevate(), projectId));
            } catch (RuntimeException e) {
                if (!lostTheRace(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Only checks that a topology could be built ({@code fields=dry-run}). */
    void checkRequirements(Handle h) {
        if (l3.ports().defaultExternalNetwork(h) == null) {
            throw L3Errors.deploymentError("No default router:external network");
        }
    }

    /** Deletes the project's topology: the router's interfaces, the router, then the network. */
    void delete(Caller caller, String projectId) {
        Caller elevated = caller.elevate();
        l3.network().jdbi().useTransaction(h -> {
            TopologyStore topologies = h.attach(TopologyStore.class);
            Optional<TopologyStore.Topology> found = topologies.find(projectId);
            if (found.isEmpty()) {
                return;
            }
            TopologyStore.Topology t = found.get();
            RouterStore routerStore = h.attach(RouterStore.class);
            Optional<RouterRow> router = t.routerId() == null ? Optional.empty() : routerStore.lock(t.routerId());
            if (router.isPresent()) {
                RouterInterfaces interfaces = new RouterInterfaces(l3);
                for (RouterStore.RouterPort rp : routerStore.ports(router.get().id())) {
                    RouterRow current = routerStore.find(router.get().id()).orElseThrow();
                    ObjectNode body = Json.object().put("port_id", rp.portId());
                    interfaces.remove(h, elevated, current, body);
                }
                new Routers(l3).delete(h, elevated, routerStore.find(router.get().id()).orElseThrow());
            }
            if (t.networkId() != null && l3.ports().network(h, t.networkId()) != null) {
                l3.ports().deleteNetwork(h, t.networkId());
            }
            topologies.delete(projectId);
        });
    }

    /** The built topology's network; a topology whose network was deleted meanwhile is forgotten. */
    private Optional<String> current(Handle h, String projectId) {
        TopologyStore topologies = h.attach(TopologyStore.class);
        Optional<TopologyStore.Topology> t = topologies.find(projectId);
        if (t.isEmpty() || t.get().networkId() == null) {
            return Optional.empty();
        }
        if (l3.ports().network(h, t.get().networkId()) == null) {
            topologies.delete(projectId);
            return Optional.empty();
        }
        return Optional.of(t.get().networkId());
    }

    private String build(Handle h, Caller elevated, String projectId) {
        L3Ports.NetworkInfo external = l3.ports().defaultExternalNetwork(h);
        if (external == null) {
            throw L3Errors.deploymentError("No default router:external network");
        }
        h.attach(TopologyStore.class).claim(projectId);
        l3.quotas().check(h, projectId, "network", 1);
        l3.quotas().check(h, projectId, "subnet", 1);
        String networkId = l3.ports().createNetwork(h, new L3Ports.NetworkSpec(projectId, NETWORK_NAME));
        String cidr = cidrFor(projectId);
        String gateway = Ip.cidr(cidr).network().plus(1).toString();
        String subnetId = l3.ports().createSubnet(h, new L3Ports.SubnetSpec(networkId, projectId, SUBNET_NAME, cidr,
                gateway, 4));
        ObjectNode routerBody = Json.object().put("name", ROUTER_NAME).put("project_id", projectId);
        routerBody.putObject("external_gateway_info").put("network_id", external.id());
        RouterRow router = new Routers(l3).create(h, elevated, routerBody);
        new RouterInterfaces(l3).add(h, elevated, router, Json.object().put("subnet_id", subnetId));
        h.attach(TopologyStore.class).complete(projectId, networkId, router.id());
        return networkId;
    }

    /** The project's /26: one of the 2^18 in 10.0.0.0/8, from the first bytes of a SHA-256 of its id. */
    static String cidrFor(String projectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(projectId.getBytes(StandardCharsets.UTF_8));
            int block = ((digest[0] & 0xff) << 16 | (digest[1] & 0xff) << 8 | (digest[2] & 0xff)) & ((1 << 18) - 1);
            BigInteger base = BigInteger.valueOf((10L << 24) | ((long) block << 6));
            return Ip.v4(base) + "/26";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Whether a build failed because another request claimed the project first: the claim's key
     * was taken (23505), or the wait for it timed out (H2 50200, PostgreSQL 55P03) or deadlocked.
     */
    private static boolean lostTheRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("23505".equals(state) || "HYT00".equals(state) || "55P03".equals(state)
                        || "40001".equals(state) || "40P01".equals(state) || sql.getErrorCode() == 50200) {
                    return true;
                }
            }
        }
        return false;
    }
}
