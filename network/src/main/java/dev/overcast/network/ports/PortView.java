package dev.overcast.network.ports;

import java.util.List;
import java.util.Map;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.api.Timestamps;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A port as the API shows it to one caller (binding details only to admins and services). */
final class PortView {
    private static final List<String> BINDING = List.of("binding:host_id", "binding:profile", "binding:vif_type",
            "binding:vif_details");

    private PortView() {
    }

    static ObjectNode render(NetworkContext ctx, AuthContext auth, Port port, List<String> tags,
            Map<String, Object> target) {
        PortRow p = port.row();
        ObjectNode o = Json.object();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("network_id", p.networkId());
        o.put("tenant_id", p.projectId());
        o.put("project_id", p.projectId());
        o.put("mac_address", p.macAddress());
        o.put("admin_state_up", p.adminStateUp());
        o.put("status", p.status());
        o.put("device_id", p.deviceId());
        o.put("device_owner", p.deviceOwner());
        ArrayNode ips = o.putArray("fixed_ips");
        port.fixedIps().forEach(f -> ips.addObject().put("subnet_id", f.subnetId()).put("ip_address", f.ipAddress()));
        ArrayNode pairs = o.putArray("allowed_address_pairs");
        PortWriter.pairs(p).forEach(pair -> pairs.addObject().put("ip_address", pair.ipAddress())
                .put("mac_address", pair.macAddress() != null ? pair.macAddress() : p.macAddress()));
        o.putArray("extra_dhcp_opts");
        ArrayNode groups = o.putArray("security_groups");
        port.securityGroups().forEach(groups::add);
        o.put("port_security_enabled", p.portSecurityEnabled());
        o.put("binding:host_id", p.bindingHostId());
        o.put("binding:vif_type", p.isBound() ? "ovs" : "unbound");
        ObjectNode details = o.putObject("binding:vif_details");
        if (p.isBound()) {
            details.put("port_filter", true);
            details.put("connectivity", "l2");
            details.put("ovs_hybrid_plug", false);
            details.put("datapath_type", "system");
            details.put("bridge_name", "br-int");
        }
        o.put("binding:vnic_type", p.bindingVnicType());
        o.set("binding:profile", Json.parse(p.bindingProfile()));
        o.put("propagate_uplink_status", p.propagateUplinkStatus());
        o.put("ip_allocation", "immediate");
        o.put("description", p.description());
        ArrayNode t = o.putArray("tags");
        tags.forEach(t::add);
        o.put("created_at", Timestamps.format(p.createdAt()));
        o.put("updated_at", Timestamps.format(p.updatedAt()));
        o.put("revision_number", p.revisionNumber());
        for (String attribute : BINDING) {
            if (!ctx.allowed(auth, "get_port:" + attribute, target)) {
                o.remove(attribute);
            }
        }
        return o;
    }
}
