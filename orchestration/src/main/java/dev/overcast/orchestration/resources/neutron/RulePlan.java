package dev.overcast.orchestration.resources.neutron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What brings a security group's rules to what OS::Neutron::SecurityGroup's {@code rules} say:
 * which rules to delete and which to create. Pure, so that the matching is tested without a cloud.
 *
 * <p>Heat keeps Neutron's default egress rules unless the template gives an egress rule of its
 * own, so the wanted rules are the template's and, when none of them is egress, the two
 * defaults. Rules are compared as Neutron keeps them: protocol names in lower case, ICMP on IPv6
 * as {@code ipv6-icmp}, ports as numbers.
 *
 * @param delete the ids of rules to delete
 * @param create the rules to create
 */
record RulePlan(List<String> delete, List<Rule> create) {

    /** One rule as Neutron matches it. */
    record Rule(String direction, String ethertype, String protocol, Integer portRangeMin, Integer portRangeMax,
                String remoteIpPrefix, String remoteGroupId) {

        /**
         * @param heat   a rule of the template (defaults applied), its {@code remote_group_id} an id
         * @param selfId the group's own id: a remote-group rule without a group means the group itself
         */
        static Rule ofTemplate(Map<?, ?> heat, String selfId) {
            boolean byGroup = "remote_group_id".equals(heat.get("remote_mode"));
            Object group = heat.get("remote_group_id");
            return normalized(text(heat.get("direction"), "ingress"), text(heat.get("ethertype"), "IPv4"),
                    text(heat.get("protocol"), null), number(heat.get("port_range_min")),
                    number(heat.get("port_range_max")), byGroup ? null : text(heat.get("remote_ip_prefix"), null),
                    byGroup ? (group == null ? selfId : group.toString()) : null);
        }

        /** @param neutron a rule as Neutron shows it */
        static Rule ofNeutron(JsonNode neutron) {
            return normalized(neutron.path("direction").asString(), neutron.path("ethertype").asString(),
                    neutron.path("protocol").asString(null), number(neutron.path("port_range_min").asString(null)),
                    number(neutron.path("port_range_max").asString(null)),
                    neutron.path("remote_ip_prefix").asString(null), neutron.path("remote_group_id").asString(null));
        }

        private static Rule normalized(String direction, String ethertype, String protocol, Integer min, Integer max,
                String prefix, String group) {
            String p = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
            if ("IPv6".equals(ethertype) && ("icmp".equals(p) || "icmpv6".equals(p))) {
                p = "ipv6-icmp";
            }
            return new Rule(direction, ethertype, p, min, max, prefix, group);
        }

        /** @return Neutron's {@code security_group_rule} body for this rule in group {@code groupId} */
        Map<String, Object> body(String groupId) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("security_group_id", groupId);
            out.put("direction", direction);
            out.put("ethertype", ethertype);
            out.put("protocol", protocol);
            out.put("port_range_min", portRangeMin);
            out.put("port_range_max", portRangeMax);
            out.put("remote_ip_prefix", remoteIpPrefix);
            out.put("remote_group_id", remoteGroupId);
            return out;
        }
    }

    /** Neutron's rules of a new group, which stay unless the template has egress rules of its own. */
    static final List<Rule> DEFAULT_EGRESS = List.of(new Rule("egress", "IPv4", null, null, null, null, null),
            new Rule("egress", "IPv6", null, null, null, null, null));

    /**
     * @param templateRules the rules the template gives
     * @param existing      the group's rules as Neutron shows them
     */
    static RulePlan of(List<Rule> templateRules, JsonNode existing) {
        List<Rule> wanted = new ArrayList<>(templateRules);
        if (templateRules.stream().noneMatch(r -> r.direction().equals("egress"))) {
            wanted.addAll(DEFAULT_EGRESS);
        }
        List<Rule> missing = new ArrayList<>(wanted.stream().distinct().toList());
        List<String> delete = new ArrayList<>();
        for (JsonNode rule : existing) {
            if (!missing.remove(Rule.ofNeutron(rule))) {
                delete.add(rule.path("id").asString());
            }
        }
        return new RulePlan(List.copyOf(delete), List.copyOf(missing));
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    private static Integer number(Object value) {
        return value == null || value.toString().isEmpty() ? null : Integer.valueOf(value.toString().strip());
    }
}
