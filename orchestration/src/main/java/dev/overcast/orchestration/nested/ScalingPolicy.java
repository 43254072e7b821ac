package dev.overcast.orchestration.nested;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::ScalingPolicy: a signal (an alarm firing) resizes the AutoScalingGroup whose
 * physical id is {@code auto_scaling_group_id}, in the policy's stack, by
 * {@code scaling_adjustment} of {@code adjustment_type}. A signal whose alarm state is not
 * {@code alarm}, or one within {@code cooldown} seconds of the last adjustment, changes
 * nothing, as in Heat.
 */
final class ScalingPolicy extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("auto_scaling_group_id", PropertySchema.of(PropertyType.STRING, "AutoScaling group ID to apply policy "
                + "to.").asRequired());
        p.put("adjustment_type", PropertySchema.of(PropertyType.STRING, "Type of adjustment (absolute or "
                + "percentage).").asRequired().updatable()
                .constrained(new PropertyConstraint.AllowedValues(List.copyOf(Capacity.ADJUSTMENT_TYPES))));
        p.put("scaling_adjustment", PropertySchema.of(PropertyType.NUMBER, "Size of adjustment.").asRequired()
                .updatable());
        p.put("cooldown", PropertySchema.of(PropertyType.NUMBER, "Cooldown period, in seconds.").updatable());
        p.put("min_adjustment_step", PropertySchema.of(PropertyType.INTEGER, "Minimum number of resources that are "
                + "added or removed when the AutoScaling group scales up or down. This can be used only when "
                + "specifying percent_change_in_capacity for the adjustment_type property.")
                .updatable().constrained(new PropertyConstraint.Range(0, null)));
        return java.util.Collections.unmodifiableMap(p);
    }

    ScalingPolicy() {
        super("OS::Heat::ScalingPolicy", "A resource to manage scaling of OS::Heat::AutoScalingGroup.",
                PROPERTIES, Map.of(
                "alarm_url", new AttributeSchema("A signed url to handle the alarm.", PropertyType.STRING),
                "signal_url", new AttributeSchema("A url to handle the alarm using native API.", PropertyType.STRING)));
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        return new Applied(context.physicalName(name), Map.of("signal_url", signalUrl(name, context)));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        // Nothing outside the database.
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return attribute.equals("alarm_url") || attribute.equals("signal_url") ? state.data().get("signal_url") : null;
    }

    @Override
    public Map<String, Object> signal(ResourceState state, Map<String, Object> details, PluginContext context) {
        Object alarmState = details.getOrDefault("current", details.getOrDefault("state", "alarm"));
        if (!Py.str(alarmState).toLowerCase(Locale.ROOT).equals("alarm")) {
            return null;
        }
        Map<String, Object> p = state.properties();
        Instant now = context.clock().instant();
        if (state.data().get("last_adjust") != null && p.get("cooldown") != null) {
            Instant last = Instant.parse(Py.str(state.data().get("last_adjust")));
            long cooldownMillis = (long) (Py.toNumber(p.get("cooldown")).doubleValue() * 1000);
            if (now.isBefore(last.plusMillis(cooldownMillis))) {
                return null;
            }
        }
        String type = Py.str(p.get("adjustment_type"));
        double adjustment = Py.toNumber(p.get("scaling_adjustment")).doubleValue();
        int minStep = p.get("min_adjustment_step") == null ? 0 : Py.toNumber(p.get("min_adjustment_step")).intValue();
        context.services().require(NestedStacks.class).changeResource(context.stack().id(),
                Py.str(p.get("auto_scaling_group_id")),
                group -> AutoScalingGroup.adjust(group, type, adjustment, minStep, context));
        Map<String, Object> data = new LinkedHashMap<>(state.data());
        data.put("last_adjust", now.toString());
        return data;
    }

    /** Heat's native signal URL of the resource, from the API's root (this deployment's host is not known here). */
    private static String signalUrl(String name, PluginContext context) {
        return "/orchestration/v1/" + context.stack().projectId() + "/stacks/" + context.stack().name() + "/"
                + context.stack().id() + "/resources/" + name + "/signal";
    }
}
