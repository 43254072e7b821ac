package dev.overcast.orchestration.resources;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::TestResource: stores a value, can fail on purpose and can take its time, for
 * testing stacks. Waits go through the injected {@link Sleeper}, so tests do not wait.
 */
final class TestResource extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = Map.of("output", new AttributeSchema(
            "The string that was stored. This value is also available by referencing the resource.",
            PropertyType.STRING));

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("value", PropertySchema.of(PropertyType.STRING, "The input string to be stored.")
                .withDefault("test_string").updatable());
        p.put("fail", PropertySchema.of(PropertyType.BOOLEAN,
                "Value which can be set to fail the resource operation to test failure scenarios.")
                .withDefault(false).updatable());
        p.put("update_replace", PropertySchema.of(PropertyType.BOOLEAN,
                "Value which can be set to trigger update replace for the particular resource.")
                .withDefault(false).updatable());
        p.put("update_replace_value", PropertySchema.of(PropertyType.STRING,
                "Some value that can be stored but can not be updated."));
        p.put("wait_secs", PropertySchema.of(PropertyType.NUMBER,
                "Seconds to wait after an action (-1 is infinite).").withDefault(0).updatable());
        Map<String, PropertySchema> actions = new LinkedHashMap<>();
        for (String action : new String[] {"create", "update", "delete"}) {
            actions.put(action, PropertySchema.of(PropertyType.NUMBER, "Seconds to wait after " + action + " action.")
                    .withDefault(0));
        }
        p.put("action_wait_secs", PropertySchema.of(PropertyType.MAP,
                "Options for simulating waiting.").withEntries(actions).updatable());
        p.put("attr_wait_secs", PropertySchema.of(PropertyType.NUMBER,
                "Number value for timeout during resolving output value.").withDefault(0).updatable());
        return java.util.Collections.unmodifiableMap(p);
    }

    TestResource() {
        super("OS::Heat::TestResource", "A resource which stores the string value that was provided.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        // As Heat's TestResource, the resource id is set before the resource waits.
        String id = context.physicalName(name);
        context.recordPhysicalId(id);
        act(name, "create", properties, context);
        return new Applied(id, Map.of());
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        act(current.name(), "update", properties, context);
        return new Applied(current.physicalId(), Map.of());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        wait("delete", current.properties(), context);
    }

    @Override
    public boolean replaceOnUpdate(Map<String, Object> oldProperties, Map<String, Object> newProperties) {
        return Boolean.TRUE.equals(newProperties.get("update_replace"));
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return attribute.equals("output") ? state.properties().get("value") : null;
    }

    @Override
    public String referenceId(ResourceState state) {
        return state.physicalId() == null ? state.name() : state.physicalId();
    }

    private static void act(String name, String action, Map<String, Object> properties, PluginContext context) {
        wait(action, properties, context);
        if (Boolean.TRUE.equals(properties.get("fail"))) {
            throw new ResourceFailure("ValueError", "Test Resource failed " + name);
        }
    }

    private static void wait(String action, Map<String, Object> properties, PluginContext context) {
        double seconds = 0;
        if (properties.get("action_wait_secs") instanceof Map<?, ?> perAction && perAction.get(action) != null) {
            seconds = Py.toNumber(perAction.get(action)).doubleValue();
        }
        if (seconds == 0 && properties.get("wait_secs") != null) {
            seconds = Py.toNumber(properties.get("wait_secs")).doubleValue();
        }
        if (seconds > 0) {
            context.sleeper().sleep(Duration.ofMillis((long) (seconds * 1000)));
        }
    }
}
