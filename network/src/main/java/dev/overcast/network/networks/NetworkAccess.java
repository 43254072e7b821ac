package dev.overcast.network.networks;

import java.util.HashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;

/**
 * Who may see and use a network, for networks and for the resources on them (subnets and ports
 * name the network in their policy targets as {@code network:project_id}, {@code network:shared}
 * and {@code network:router:external}).
 */
public final class NetworkAccess {
    private NetworkAccess() {
    }

    /** The network as policy rules see it. */
    public static Map<String, Object> target(NetworkRow n) {
        Map<String, Object> t = new HashMap<>();
        t.put("id", n.id());
        t.put("project_id", n.projectId());
        t.put("tenant_id", n.projectId());
        t.put("shared", n.shared());
        t.put("router:external", n.routerExternal());
        return t;
    }

    /** Adds the network's attributes to the target of a resource on it. */
    public static Map<String, Object> withNetwork(Map<String, Object> target, NetworkRow n) {
        Map<String, Object> t = new HashMap<>(target);
        t.put("network_id", n.id());
        t.put("network:project_id", n.projectId());
        t.put("network:tenant_id", n.projectId());
        t.put("network:shared", n.shared());
        t.put("network:router:external", n.routerExternal());
        return t;
    }

    public static boolean canSee(NetworkContext ctx, AuthContext auth, NetworkRow n) {
        return ctx.allowed(auth, "get_network", target(n));
    }

    /** The network the caller may see, else 404 NetworkNotFound (whether it exists or not). */
    public static NetworkRow visible(Handle h, NetworkContext ctx, AuthContext auth, String id) {
        return NetworkStore.find(h, id).filter(n -> canSee(ctx, auth, n))
                .orElseThrow(() -> NeutronErrors.notFound("Network", id));
    }

    /** As {@link #visible}, with the network's row locked for the rest of the transaction. */
    public static NetworkRow lockVisible(Handle h, NetworkContext ctx, AuthContext auth, String id) {
        return NetworkStore.lock(h, id).filter(n -> canSee(ctx, auth, n))
                .orElseThrow(() -> NeutronErrors.notFound("Network", id));
    }
}
