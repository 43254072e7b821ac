package dev.overcast.orchestration.resources;

import java.util.Map;

import dev.overcast.orchestration.template.functions.Py;

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

    /**
     * @return whether the type takes any properties unchecked, as OS::Heat::None does to stand in
     *         for any other type through the resource registry
     */
    default boolean acceptsAnyProperties() {
        return false;
    }

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
     * WaitConditionHandle's URL, a scaling policy's alarm URL). It may run while a stack action
     * is under way; what it returns is written atomically to this resource's data alone.
     *
     * @param details the signal's body, or an empty map
     * @return the resource's new data, or null when the signal changes none
     * @throws ResourceFailure with type {@code ResourceActionNotSupported} (the default) when
     *         the type takes no signals
     */
    default Map<String, Object> signal(ResourceState state, Map<String, Object> details, PluginContext context) {
        throw new ResourceFailure("ResourceActionNotSupported", "signal is not supported for resource.");
    }

    /**
     * @param before  the resource as it was when the signal came
     * @param details the signal's body, or an empty map
     * @return the reason of the SIGNAL event a taken signal records, as Heat words it: by default
     *         Heat's summary of an alarm's details, {@code No signal details provided} or
     *         {@code Unknown}; a type whose signal has a result says {@code Signal: <result>}
     */
    default String signalReason(ResourceState before, Map<String, Object> details) {
        if (details.isEmpty()) {
            return "No signal details provided";
        }
        if (details.containsKey("previous") && details.containsKey("current") && details.containsKey("reason")) {
            return "alarm state changed from " + Py.str(details.get("previous")) + " to "
                    + Py.str(details.get("current")) + " (" + Py.str(details.get("reason")) + ")";
        }
        return "Unknown";
    }

    /** @return what {@code GET .../resources/<name>/metadata} shows: the template's metadata by default */
    default Map<String, Object> metadata(ResourceState state, Map<String, Object> templateMetadata) {
        return templateMetadata;
    }

    /** Suspends the resource (a stack suspend, dependants first); the default has nothing to suspend. */
    default void suspend(ResourceState state, PluginContext context) {
    }

    /** Resumes a suspended resource (a stack resume, in dependency order); the default has nothing to resume. */
    default void resume(ResourceState state, PluginContext context) {
    }

    /** @return whether {@link #check} looks at the real resource (Heat says "CHECK not supported" otherwise) */
    default boolean checks() {
        return false;
    }

    /** Checks the real resource is as recorded; fails with {@link ResourceFailure} when it is not. */
    default void check(ResourceState state, PluginContext context) {
    }

    /** @return what {@code get_resource} gives: the physical id by default, the name before there is one */
    default String referenceId(ResourceState state) {
        return state.physicalId() == null ? state.name() : state.physicalId();
    }
}
