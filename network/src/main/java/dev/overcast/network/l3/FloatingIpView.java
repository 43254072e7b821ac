package dev.overcast.network.l3;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** A floating IP as the API shows it, with {@code port_details} (fip-port-details). */
final class FloatingIpView {
    private FloatingIpView() {
    }

    static ObjectNode render(Handle h, L3Ports ports, FloatingIpRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("project_id", row.projectId());
        out.put("tenant_id", row.projectId());
        out.put("floating_ip_address", row.floatingIpAddress());
        out.put("floating_network_id", row.floatingNetworkId());
        out.put("router_id", row.routerId());
        out.put("port_id", row.fixedPortId());
        out.put("fixed_ip_address", row.fixedIpAddress());
        out.put("status", row.status());
        out.put("description", row.description());
        out.put("dns_name", "");
        out.put("dns_domain", "");
        L3Ports.PortInfo port = row.fixedPortId() == null ? null : ports.port(h, row.fixedPortId());
        if (port == null) {
            out.putNull("port_details");
        } else {
            ObjectNode details = out.putObject("port_details");
            details.put("name", port.name());
            details.put("network_id", port.networkId());
            details.put("mac_address", port.macAddress());
            details.put("admin_state_up", port.adminStateUp());
            details.put("status", port.status());
            details.put("device_id", port.deviceId());
            details.put("device_owner", port.deviceOwner());
        }
        out.putNull("qos_policy_id");
        out.set("tags", RouterView.tags(h, FloatingIps.TAG_TYPE, row.id()));
        out.put("created_at", RouterView.time(row.createdAt()));
        out.put("updated_at", RouterView.time(row.updatedAt()));
        out.put("revision_number", row.revisionNumber());
        return out;
    }
}
