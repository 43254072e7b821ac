package dev.overcast.network.secgroups;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Security groups and rules as Neutron's API shows them. */
final class SecurityGroupView {
    /** What a list may filter and sort groups by. */
    static final Set<String> GROUP_ATTRIBUTES = Set.of("id", "name", "description", "project_id", "tenant_id",
            "stateful", "shared", "created_at", "updated_at", "revision_number");
    /** What a list may filter and sort rules by. */
    static final Set<String> RULE_ATTRIBUTES = Set.of("id", "security_group_id", "project_id", "tenant_id",
            "direction", "ethertype", "protocol", "port_range_min", "port_range_max", "remote_ip_prefix",
            "remote_group_id", "remote_address_group_id", "normalized_cidr", "description", "created_at",
            "updated_at", "revision_number");

    private SecurityGroupView() {
    }

    static ObjectNode group(GroupRow g, List<RuleRow> rules, List<String> tags) {
        ObjectNode out = Json.object();
        out.put("id", g.id());
        out.put("name", g.name());
        out.put("description", g.description());
        out.put("project_id", g.projectId());
        out.put("tenant_id", g.projectId());
        out.put("stateful", g.stateful());
        out.put("shared", false);
        var list = out.putArray("security_group_rules");
        rules.forEach(r -> list.add(rule(r)));
        var tagList = out.putArray("tags");
        tags.forEach(tagList::add);
        out.put("created_at", time(g.createdAt()));
        out.put("updated_at", time(g.updatedAt()));
        out.put("revision_number", g.revisionNumber());
        return out;
    }

    static ObjectNode rule(RuleRow r) {
        ObjectNode out = Json.object();
        out.put("id", r.id());
        out.put("project_id", r.projectId());
        out.put("tenant_id", r.projectId());
        out.put("security_group_id", r.securityGroupId());
        out.put("ethertype", r.ethertype());
        out.put("direction", r.direction());
        out.put("protocol", r.protocol());
        putInt(out, "port_range_min", r.portRangeMin());
        putInt(out, "port_range_max", r.portRangeMax());
        out.put("remote_ip_prefix", r.remoteIpPrefix());
        out.put("remote_group_id", r.remoteGroupId());
        out.putNull("remote_address_group_id");
        out.put("normalized_cidr", r.normalizedCidr());
        out.put("description", r.description());
        out.put("created_at", time(r.createdAt()));
        out.put("updated_at", time(r.updatedAt()));
        out.put("revision_number", r.revisionNumber());
        return out;
    }

    private static void putInt(ObjectNode out, String name, Integer value) {
        if (value == null) {
            out.putNull(name);
        } else {
            out.put(name, value.intValue());
        }
    }

    /** Neutron's timestamps: UTC to the second, {@code 2026-12-01T08:17:03Z}. */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
