package dev.overcast.orchestration.resources.neutron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups;
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
 * OS::Neutron::SecurityGroup: a security group and its rules. Name, description and rules change
 * in place; the rules are brought to the template's by {@link RulePlan} (deleting only what no
 * longer belongs and creating only what is missing), which is also what a create run again does.
 */
public final class NeutronSecurityGroup extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> rule = new LinkedHashMap<>(NeutronSecurityGroupRule.matching());
        rule.put("remote_mode", PropertySchema.of(PropertyType.STRING, "Whether to specify a remote group or a remote"
                + " IP prefix.").withDefault("remote_ip_prefix").constrained(new PropertyConstraint.AllowedValues(
                        List.of("remote_ip_prefix", "remote_group_id"))));
        rule.put("remote_group_id", PropertySchema.of(PropertyType.STRING, "The remote group ID to be associated with"
                + " this security group rule. If no value is specified then this rule will use this security group"
                + " for the remote_group_id. The remote mode parameter must be set to \"remote_group_id\"."));
        rule.put("remote_ip_prefix", PropertySchema.of(PropertyType.STRING, "The remote IP prefix (CIDR) to be"
                + " associated with this security group rule."));
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "A string specifying a symbolic name for the security"
                + " group, which is not required to be unique.").updatable());
        p.put("description", PropertySchema.of(PropertyType.STRING, "Description of the security group.")
                .updatable());
        p.put("rules", PropertySchema.of(PropertyType.LIST, "List of security group rules.").withDefault(List.of())
                .updatable().withEntries(rule));
        return java.util.Collections.unmodifiableMap(p);
    }

    public NeutronSecurityGroup() {
        super("OS::Neutron::SecurityGroup", "A resource for managing Neutron security groups.",
                PROPERTIES, Map.of());
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        if ("default".equals(properties.get("name"))) {
            throw new ResourceFailure("StackValidationFailed", "Security groups cannot be assigned the name"
                    + " \"default\".");
        }
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.of(context, name, properties);
        JsonNode made = Neutron.create(network, NeutronEntity.SECURITY_GROUP, creation,
                body(properties, creation.name()), null);
        return Neutron.applied(creation.key(), reconcileRules(network, made, properties, context));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String key = Neutron.key(current);
        JsonNode shown = Neutron.update(network, NeutronEntity.SECURITY_GROUP, current.physicalId(), Neutron.changed(
                body(properties, Neutron.name(context, current, properties)),
                current.properties(), properties));
        return Neutron.applied(key, reconcileRules(network, shown, properties, context));
    }

    private static Map<String, Object> body(Map<String, Object> properties, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", properties.get("description") == null ? "" : properties.get("description"));
        return body;
    }

    /** @return the group once its rules are the template's */
    private static JsonNode reconcileRules(ServiceClient network, JsonNode group, Map<String, Object> properties,
            PluginContext context) {
        String id = group.path("id").asString();
        List<RulePlan.Rule> wanted = new ArrayList<>();
        if (properties.get("rules") instanceof List<?> rules) {
            for (Object r : rules) {
                Map<String, Object> rule = new LinkedHashMap<>();
                ((Map<?, ?>) r).forEach((k, v) -> rule.put(String.valueOf(k), v));
                if (rule.get("remote_group_id") != null) {
                    rule.put("remote_group_id", SecurityGroups.id(network, rule.get("remote_group_id").toString(),
                            context.stack().projectId()));
                }
                wanted.add(RulePlan.Rule.ofTemplate(rule, id));
            }
        }
        RulePlan plan = RulePlan.of(wanted, group.path("security_group_rules"));
        plan.delete().forEach(rule -> network.delete("/v2.0/security-group-rules/" + Lookups.encode(rule)));
        for (RulePlan.Rule rule : plan.create()) {
            try {
                network.post("/v2.0/security-group-rules", Map.of("security_group_rule", rule.body(id)));
            } catch (ResourceFailure e) {
                if (!e.errorType().equals("Conflict")) {
                    throw e;
                }
            }
        }
        return plan.delete().isEmpty() && plan.create().isEmpty() ? group
                : Neutron.show(network, NeutronEntity.SECURITY_GROUP, id);
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.SECURITY_GROUP, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
