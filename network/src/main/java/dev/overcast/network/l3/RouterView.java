package dev.overcast.network.l3;

import dev.overcast.network.tags.TagStore;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A router as the API shows it, with upstream's attributes and defaults. */
final class RouterView {
    static final String TAG_TYPE = "routers";

    private RouterView() {
    }

    static ObjectNode render(Handle h, L3Ports ports, RouterRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("description", row.description());
        out.put("project_id", row.projectId());
        out.put("tenant_id", row.projectId());
        out.put("admin_state_up", row.adminStateUp());
        out.put("status", row.status());
        if (row.gwNetworkId() == null) {
            out.putNull("external_gateway_info");
        } else {
            ObjectNode gw = out.putObject("external_gateway_info");
            gw.put("network_id", row.gwNetworkId());
            gw.put("enable_snat", row.enableSnat());
            ArrayNode ips = gw.putArray("external_fixed_ips");
            L3Ports.PortInfo port = row.gwPortId() == null ? null : ports.port(h, row.gwPortId());
            if (port != null) {
                port.fixedIps().forEach(ip -> ips.addObject().put("subnet_id", ip.subnetId())
                        .put("ip_address", ip.ipAddress()));
            }
        }
        out.put("distributed", false);
        out.put("ha", false);
        out.set("availability_zone_hints", Json.parse(row.availabilityZoneHints()));
        // No agents host routers here: the simulated data plane runs them nowhere in particular.
        out.putArray("availability_zones");
        out.set("routes", ExtraRoute.array(ExtraRoute.fromJson(row.routes())));
        out.putNull("flavor_id");
        out.set("tags", tags(h, TAG_TYPE, row.id()));
        out.put("created_at", time(row.createdAt()));
        out.put("updated_at", time(row.updatedAt()));
        out.put("revision_number", row.revisionNumber());
        return out;
    }

    static JsonNode tags(Handle h, String type, String id) {
        ArrayNode out = Json.array();
        List<String> tags = TagStore.tagsOf(h, type, id);
        tags.forEach(out::add);
        return out;
    }

    /** Neutron's timestamps: UTC to the second, {@code 2024-01-02T03:04:05Z}. */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
