package dev.overcast.network.networks;

import java.util.List;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.api.Timestamps;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A network as the API shows it to one caller (provider attributes only where policy lets them see). */
final class NetworkView {
    private static final List<String> PROVIDER = List.of("provider:network_type", "provider:physical_network",
            "provider:segmentation_id");

    private NetworkView() {
    }

    static ObjectNode render(NetworkContext ctx, AuthContext auth, NetworkRow n, List<String> subnets,
            List<String> tags) {
        ObjectNode o = Json.object();
        o.put("id", n.id());
        o.put("name", n.name());
        o.put("tenant_id", n.projectId());
        o.put("project_id", n.projectId());
        o.put("admin_state_up", n.adminStateUp());
        o.put("status", n.status());
        ArrayNode s = o.putArray("subnets");
        subnets.forEach(s::add);
        o.put("shared", n.shared());
        o.put("router:external", n.routerExternal());
        o.put("is_default", n.isDefault());
        o.put("mtu", n.mtu());
        o.put("port_security_enabled", n.portSecurityEnabled());
        o.set("availability_zone_hints", Json.parse(n.availabilityZoneHints()));
        // Zones come from DHCP and L3 agents; the simulated data plane has none.
        o.putArray("availability_zones");
        o.putNull("ipv4_address_scope");
        o.putNull("ipv6_address_scope");
        o.put("l2_adjacency", true);
        o.put("provider:network_type", n.networkType());
        o.put("provider:physical_network", n.physicalNetwork());
        if (n.segmentationId() == null) {
            o.putNull("provider:segmentation_id");
        } else {
            o.put("provider:segmentation_id", n.segmentationId());
        }
        o.put("description", n.description());
        ArrayNode t = o.putArray("tags");
        tags.forEach(t::add);
        o.put("created_at", Timestamps.format(n.createdAt()));
        o.put("updated_at", Timestamps.format(n.updatedAt()));
        o.put("revision_number", n.revisionNumber());
        var target = NetworkAccess.target(n);
        for (String attribute : PROVIDER) {
            if (!ctx.allowed(auth, "get_network:" + attribute, target)) {
                o.remove(attribute);
            }
        }
        return o;
    }
}
