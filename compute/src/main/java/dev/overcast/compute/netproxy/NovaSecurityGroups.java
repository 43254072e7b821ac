package dev.overcast.compute.netproxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.network.NeutronProxy;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Network's security groups in Nova's shape: a group with its ingress rules (Nova shows no
 * egress rules), each rule with {@code ip_protocol}, {@code from_port}, {@code to_port} and
 * either {@code ip_range} or the {@code group} it admits.
 */
public final class NovaSecurityGroups {
    private NovaSecurityGroups() {
    }

    /** Groups in Nova's shape; {@code names} resolves remote groups' names (by id) once per call. */
    public static ArrayNode format(List<JsonNode> groups, NeutronProxy neutron, String token) {
        Map<String, JsonNode> byId = new HashMap<>();
        groups.forEach(g -> byId.put(g.path("id").asString(), g));
        ArrayNode out = Json.array();
        groups.forEach(g -> out.add(format(g, byId, neutron, token)));
        return out;
    }

    public static ObjectNode format(JsonNode group, Map<String, JsonNode> known, NeutronProxy neutron, String token) {
        ObjectNode g = Json.object();
        g.put("id", group.path("id").asString());
        g.put("name", group.path("name").asString());
        g.put("description", group.path("description").asString(""));
        g.put("tenant_id", group.path("project_id").asString(group.path("tenant_id").asString("")));
        ArrayNode rules = g.putArray("rules");
        for (JsonNode rule : group.path("security_group_rules")) {
            if (rule.path("direction").asString().equals("ingress")) {
                rules.add(rule(rule, known, neutron, token));
            }
        }
        return g;
    }

    /** One ingress rule in Nova's shape. */
    static ObjectNode rule(JsonNode rule, Map<String, JsonNode> known, NeutronProxy neutron, String token) {
        ObjectNode r = Json.object();
        r.put("id", rule.path("id").asString());
        r.put("parent_group_id", rule.path("security_group_id").asString());
        JsonNode protocol = rule.get("protocol");
        r.put("ip_protocol", protocol == null || protocol.isNull() ? null : protocol.asString());
        JsonNode min = rule.get("port_range_min");
        JsonNode max = rule.get("port_range_max");
        boolean open = (min == null || min.isNull()) && (max == null || max.isNull());
        if (protocol != null && !protocol.isNull() && open) {
            // A protocol with no port range admits every port: Nova spells that out.
            boolean ports = protocol.asString().equalsIgnoreCase("tcp") || protocol.asString().equalsIgnoreCase("udp");
            r.put("from_port", ports ? 1 : -1);
            r.put("to_port", ports ? 65535 : -1);
        } else {
            r.set("from_port", min == null ? Json.tree(null) : min);
            r.set("to_port", max == null ? Json.tree(null) : max);
        }
        ObjectNode range = r.putObject("ip_range");
        ObjectNode group = r.putObject("group");
        String remote = rule.path("remote_group_id").asString(null);
        if (remote != null) {
            JsonNode g = known.get(remote);
            if (g == null) {
                try {
                    g = neutron.get("/security-groups/" + remote, token).path("security_group");
                } catch (ApiException e) {
                    g = null;
                }
                known.put(remote, g);
            }
            if (g != null) {
                group.put("name", g.path("name").asString());
                group.put("tenant_id", g.path("project_id").asString(""));
            }
        } else {
            String cidr = rule.path("remote_ip_prefix").asString(null);
            range.put("cidr", cidr != null ? cidr : rule.path("ethertype").asString("IPv4").equals("IPv6")
                    ? "::/0" : "0.0.0.0/0");
        }
        return r;
    }
}
