package dev.overcast.network.subnets;

import java.util.List;

import dev.overcast.core.json.Json;
import dev.overcast.network.api.Timestamps;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A subnet as the API shows it. */
final class SubnetView {
    private SubnetView() {
    }

    static ObjectNode render(SubnetRow s, List<String> tags) {
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("network_id", s.networkId());
        o.put("tenant_id", s.projectId());
        o.put("project_id", s.projectId());
        o.put("ip_version", s.ipVersion());
        o.put("subnetpool_id", s.subnetpoolId());
        o.put("enable_dhcp", s.enableDhcp());
        o.put("ipv6_ra_mode", s.ipv6RaMode());
        o.put("ipv6_address_mode", s.ipv6AddressMode());
        o.put("gateway_ip", s.gatewayIp());
        o.put("cidr", s.cidr());
        o.set("allocation_pools", Json.parse(s.allocationPools()));
        o.set("host_routes", Json.parse(s.hostRoutes()));
        o.set("dns_nameservers", Json.parse(s.dnsNameservers()));
        o.put("description", s.description());
        o.putArray("service_types");
        o.putNull("segment_id");
        ArrayNode t = o.putArray("tags");
        tags.forEach(t::add);
        o.put("created_at", Timestamps.format(s.createdAt()));
        o.put("updated_at", Timestamps.format(s.updatedAt()));
        o.put("revision_number", s.revisionNumber());
        return o;
    }
}
