package dev.overcast.network.secgroups;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A security group rule as a client asks for it, converted and checked the way Neutron does
 * before it touches the database: first each attribute on its own ({@link #read}), then the
 * attributes together ({@link #validated}) — ports only with a protocol that has them, ICMP
 * type and code 0-255, the remote prefix of the rule's ethertype, one remote at most.
 *
 * @param protocol       a lower-case name or a number 0-255 as text; null for any protocol
 * @param remoteIpPrefix null when the rule names none
 * @param projectId      the owner the client named, or null (the group's owner)
 */
record RuleSpec(String securityGroupId, String direction, String ethertype, String protocol, Integer portRangeMin,
                Integer portRangeMax, IpPrefix remoteIpPrefix, String remoteGroupId, String description,
                String projectId) {

    static final Set<String> CREATE_ATTRIBUTES = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
            "description", "project_id", "tenant_id");
    static final List<String> DIRECTIONS = List.of("ingress", "egress");
    static final List<String> ETHERTYPES = List.of("IPv4", "IPv6");

    /** Converts each attribute of a create body, as Neutron's attribute map does. */
    static RuleSpec read(ObjectNode body) {
        Attributes.require(body, "security_group_id");
        Attributes.require(body, "direction");
        String groupId = Attributes.string(body, "security_group_id", 36, null);
        String direction = Attributes.oneOf(body, "direction", DIRECTIONS);
        String ethertype = ethertype(body.get("ethertype"));
        String protocol = protocol(body.get("protocol"));
        Integer min = port(body.get("port_range_min"));
        Integer max = port(body.get("port_range_max"));
        String prefixText = body.has("remote_ip_prefix") && !body.get("remote_ip_prefix").isNull()
                ? Attributes.python(body.get("remote_ip_prefix")) : null;
        IpPrefix prefix = prefixText == null || prefixText.isEmpty() ? null : IpPrefix.parse(prefixText);
        String remoteGroup = Attributes.nullableString(body, "remote_group_id", 36);
        String addressGroup = Attributes.nullableString(body, "remote_address_group_id", 36);
        if (addressGroup != null) {
            throw NeutronErrors.of(404, "AddressGroupNotFound", "Address group " + addressGroup
                    + " could not be found.");
        }
        String description = Attributes.string(body, "description", 255, "");
        return new RuleSpec(groupId, direction, ethertype, protocol, min, max, prefix, remoteGroup, description,
                owner(body));
    }

    /** The {@code project_id} (or older {@code tenant_id}) a create names, or null. */
    static String owner(ObjectNode body) {
        String project = Attributes.string(body, "project_id", 255, null);
        String tenant = Attributes.string(body, "tenant_id", 255, null);
        if (project != null && tenant != null && !project.equals(tenant)) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "'project_id' and 'tenant_id' do not match");
        }
        return project != null ? project : tenant;
    }

    private static String ethertype(JsonNode value) {
        if (value == null) {
            return "IPv4";
        }
        if (value.isString()) {
            for (String known : ETHERTYPES) {
                if (known.equalsIgnoreCase(value.asString())) {
                    return known;
                }
            }
        }
        throw NeutronErrors.of(400, "SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '"
                + Attributes.python(value) + "' not supported. Allowed values are "
                + Attributes.pythonList(ETHERTYPES) + ".");
    }

    /** Neutron's {@code convert_protocol}: any → null, numbers 0-255 as text, known names lower-cased. */
    private static String protocol(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.asString() : value.isIntegralNumber() ? value.toString() : null;
        if (text != null) {
            if (text.equalsIgnoreCase("any")) {
                return null;
            }
            if (text.matches("[0-9]{1,3}")) {
                int number = Integer.parseInt(text);
                if (number <= 255) {
                    return number == 0 ? null : String.valueOf(number);
                }
            } else if (Protocols.BY_NAME.containsKey(text.toLowerCase(Locale.ROOT))) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        throw NeutronErrors.of(400, "SecurityGroupRuleInvalidProtocol", "Security group rule protocol "
                + Attributes.python(value) + " not supported. Only protocol values " + Protocols.supported()
                + " and integer representations [0 to 255] are supported.");
    }

    /** Neutron's {@code convert_validate_port_value}: null, or an integer 0-65535 (number or text). */
    private static Integer port(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.asString().strip() : value.isIntegralNumber() ? value.toString() : null;
        if (text != null && text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= 65535) {
            return Integer.parseInt(text);
        }
        throw NeutronErrors.of(400, "SecurityGroupInvalidPortValue",
                "Invalid value for port " + Attributes.python(value));
    }

    /**
     * This rule checked as a whole, with IPv6's legacy ICMP names made {@code ipv6-icmp}; a 400
     * naming the first problem otherwise.
     */
    RuleSpec validated() {
        RuleSpec rule = canonicalIcmp();
        rule.checkPorts();
        if (rule.remoteIpPrefix != null && !rule.remoteIpPrefix.ethertype().equals(rule.ethertype)) {
            throw NeutronErrors.of(400, "SecurityGroupRuleParameterConflict", "Conflicting value ethertype "
                    + rule.ethertype + " for CIDR " + rule.remoteIpPrefix.text());
        }
        if (rule.ethertype.equals("IPv4") && rule.protocol != null && Protocols.IPV6_ONLY.contains(rule.protocol)) {
            throw NeutronErrors.of(400, "SecurityGroupEthertypeConflictWithProtocol", "Invalid ethertype "
                    + rule.ethertype + " for protocol " + rule.protocol + ".");
        }
        if (rule.remoteIpPrefix != null && rule.remoteGroupId != null) {
            throw NeutronErrors.of(400, "SecurityGroupMultipleRemoteEntites", "Only one of remote_ip_prefix or "
                    + "remote_group_id or remote_address_group_id may be provided.");
        }
        return rule;
    }

    private RuleSpec canonicalIcmp() {
        if (!ethertype.equals("IPv6") || protocol == null) {
            return this;
        }
        String canonical = switch (protocol) {
            case "icmp", "icmpv6" -> "ipv6-icmp";
            case "1" -> "58";
            default -> protocol;
        };
        return withProtocol(canonical);
    }

    private void checkPorts() {
        if (portRangeMin == null && portRangeMax == null) {
            return;
        }
        if (protocol == null) {
            throw NeutronErrors.of(400, "SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        int number = Protocols.number(protocol);
        if (Protocols.WITH_PORTS.contains(number)) {
            if (Integer.valueOf(0).equals(portRangeMin) || Integer.valueOf(0).equals(portRangeMax)) {
                throw NeutronErrors.of(400, "SecurityGroupInvalidPortValue", "Invalid value for port 0");
            }
            if (portRangeMin == null || portRangeMax == null || portRangeMin > portRangeMax) {
                throw NeutronErrors.of(400, "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
        } else if (number == Protocols.ICMP || number == Protocols.IPV6_ICMP) {
            icmp("type", "port_range_min", portRangeMin);
            icmp("code", "port_range_max", portRangeMax);
            if (portRangeMin == null) {
                throw NeutronErrors.of(400, "SecurityGroupMissingIcmpType", "ICMP code (port-range-max) "
                        + portRangeMax + " is provided but ICMP type (port-range-min) is missing.");
            }
        } else {
            throw NeutronErrors.of(400, "SecurityGroupInvalidProtocolForPort", "Ports cannot be specified for "
                    + "protocol " + number + ". Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.");
        }
    }

    private static void icmp(String field, String attribute, Integer value) {
        if (value != null && value > 255) {
            throw NeutronErrors.of(400, "SecurityGroupInvalidIcmpValue", "Invalid value for ICMP " + field + " ("
                    + attribute + ") " + value + ". It must be 0 to 255.");
        }
    }

    RuleSpec withProtocol(String newProtocol) {
        return new RuleSpec(securityGroupId, direction, ethertype, newProtocol, portRangeMin, portRangeMax,
                remoteIpPrefix, remoteGroupId, description, projectId);
    }

    /**
     * What makes two rules the same rule: Neutron compares every attribute but the
     * description, with a protocol's name and number equal and "everywhere" the same as no prefix.
     */
    static String key(String groupId, String direction, String ethertype, String protocol, Integer min,
            Integer max, String normalizedCidr, String remoteGroupId) {
        String proto = protocol == null ? "+" : String.valueOf(Protocols.number(protocol));
        String remote = normalizedCidr == null || normalizedCidr.equals("0.0.0.0/0") || normalizedCidr.equals("::/0")
                ? "+" : normalizedCidr;
        return String.join("_", direction, ethertype, String.valueOf(max), String.valueOf(min), proto,
                String.valueOf(remoteGroupId), remote, groupId);
    }

    String key() {
        return key(securityGroupId, direction, ethertype, protocol, portRangeMin, portRangeMax,
                remoteIpPrefix == null ? null : remoteIpPrefix.cidr(), remoteGroupId);
    }
}
