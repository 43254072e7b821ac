package dev.overcast.orchestration.resources;

import java.util.Map;

/**
 * A resource type: its schema and its create, update and delete steps.
 *
 * <p>Every step must be idempotent: an engine that died mid-step runs it again. Properties
 * reach a step validated and with defaults applied. {@link #update} is called only when every
 * changed property is {@link PropertySchema#updateAllowed()}; otherwise the engine replaces the
 * resource (creates a new one, then deletes the old one). A step fails by throwing
 * {@link ResourceFailure}.
 */
public interface ResourcePlugin {

    /** @return the type name, e.g. {@code OS::Heat::None} */
    String type();

    /** @return one line on what the type is */
    String description();

    /** @return the properties by name */
    Map<String, PropertySchema> properties();

    /** @return the attributes by name ({@code show} is added by the engine) */
    Map<String, AttributeSchema> attributes();

    /**
     * @return whether {@code get_attr} may name the attribute: by default those of
     *         {@link #attributes()} and {@code show}; a type whose attributes come from its members
     *         or nested stack accepts more
     */
    default boolean acceptsAttribute(String attribute) {
        return attribute.equals("show") || attributes().containsKey(attribute);
    }

    /** Creates the resource. */
    Applied create(String name, Map<String, Object> properties, PluginContext context);

    /** Updates the resource in place to {@code properties}. */
    Applied update(ResourceState current, Map<String, Object> properties, PluginContext context);

    /** Deletes the resource; deleting one that is gone (or never was) succeeds. */
    void delete(ResourceState current, PluginContext context);

    /** @return the attribute's value, or null when it has none */
    Object attribute(ResourceState state, String attribute);

    /**
     * @return whether a change to properties that all allow updates must still replace the
     *         resource (OS::Heat::TestResource's {@code update_replace})
     */
    default boolean replaceOnUpdate(Map<String, Object> oldProperties, Map<String, Object> newProperties) {
        return false;
    }

    /**
     * Takes a signal sent to the resource ({@code POST .../resources/<name>/signal}, a
     * WaitConditionHandle's URL, a scaling policy's alarm URL).
     *
     * @param details the signal's body, or an empty map
     * @return the resource's new data, or null when the signal changes none
     * @throws ResourceFailure with type {@code ResourceActionNotSupported} (the default) when
     *         the type takes no signals
     */
    default java.util.Map<String, Object> signal(ResourceState state, java.util.Map<String, Object> details,
            PluginContext context) {
        throw new ResourceFailure("ResourceActionNotSupported", "Signal resource during SIGNAL is not supported.");
    }

    /** @return what {@code get_resource} gives: the physical id by default, the name before there is one */
    default String referenceId(ResourceState state) {
        return state.physicalId() == null ? state.name() : state.physicalId();
    }
}
