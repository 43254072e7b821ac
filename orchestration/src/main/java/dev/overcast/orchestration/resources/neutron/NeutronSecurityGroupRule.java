package dev.overcast.orchestration.resources.neutron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Neutron::SecurityGroupRule: one rule of a security group (named or identified). Neutron
 * updates no rule, so any change makes a new one. A create run again finds Neutron refusing the
 * rule as a duplicate ({@code SecurityGroupRuleExists}, which names the rule) and takes that rule.
 */
public final class NeutronSecurityGroupRule extends DeclaredResource {
    private static final Pattern EXISTING = Pattern.compile("Rule id is ([0-9a-fA-F-]+)");
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("security_group", PropertySchema.of(PropertyType.STRING, "Security group name or ID to add rule.")
                .asRequired());
        p.put("description", PropertySchema.of(PropertyType.STRING, "Description of the security group rule."));
        p.put("remote_group", PropertySchema.of(PropertyType.STRING, "The remote group name or ID to be associated"
                + " with this security group rule."));
        p.put("remote_ip_prefix", PropertySchema.of(PropertyType.STRING, "The remote IP prefix (CIDR) to be"
                + " associated with this security group rule."));
        p.putAll(matching());
        return java.util.Collections.unmodifiableMap(p);
    }

    /** What a rule matches, as OS::Neutron::SecurityGroup's {@code rules} take it too. */
    static Map<String, PropertySchema> matching() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("direction", PropertySchema.of(PropertyType.STRING, "The direction in which the security group rule is"
                + " applied. For a compute instance, an ingress security group rule matches traffic that is incoming"
                + " (ingress) for that instance. An egress rule is applied to traffic leaving the instance.")
                .withDefault("ingress").constrained(new PropertyConstraint.AllowedValues(List.of("ingress",
                        "egress"))));
        p.put("ethertype", PropertySchema.of(PropertyType.STRING, "Ethertype of the traffic.").withDefault("IPv4")
                .constrained(new PropertyConstraint.AllowedValues(List.of("IPv4", "IPv6"))));
        p.put("port_range_min", PropertySchema.of(PropertyType.INTEGER, "The minimum port number in the range that is"
                + " matched by the security group rule. If the protocol is ICMP, this value must be an ICMP type.")
                .constrained(new PropertyConstraint.Range(0, 65535)));
        p.put("port_range_max", PropertySchema.of(PropertyType.INTEGER, "The maximum port number in the range that is"
                + " matched by the security group rule. If the protocol is ICMP, this value must be an ICMP code.")
                .constrained(new PropertyConstraint.Range(0, 65535)));
        p.put("protocol", PropertySchema.of(PropertyType.STRING, "The protocol that is matched by the security group"
                + " rule. Allowed values are ah, dccp, egp, esp, gre, icmp, icmpv6, igmp, ipv6-encap, ipv6-frag,"
                + " ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and"
                + " integer representations [0-255]."));
        return p;
    }

    public NeutronSecurityGroupRule() {
        super("OS::Neutron::SecurityGroupRule", "A resource for managing Neutron security group rules.",
                PROPERTIES, Map.of());
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String project = context.stack().projectId();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("security_group_id", SecurityGroups.id(network, properties.get("security_group").toString(),
                project));
        rule.putAll(Neutron.given(properties, "description", "direction", "ethertype", "port_range_min",
                "port_range_max", "protocol", "remote_ip_prefix"));
        if (properties.get("remote_group") != null) {
            rule.put("remote_group_id", SecurityGroups.id(network, properties.get("remote_group").toString(),
                    project));
        }
        JsonNode made;
        try {
            made = network.post("/v2.0/security-group-rules", Map.of("security_group_rule", rule))
                    .path("security_group_rule");
        } catch (ResourceFailure e) {
            Matcher existing = EXISTING.matcher(String.valueOf(e.getMessage()));
            if (!e.errorType().equals("Conflict") || !existing.find()) {
                throw e;
            }
            made = network.get("/v2.0/security-group-rules/" + existing.group(1)).path("security_group_rule");
        }
        return Neutron.applied("", made);
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        // No property changes in place; the engine replaces instead.
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.SECURITY_GROUP_RULE, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
