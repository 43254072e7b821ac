package dev.overcast.orchestration.nested;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.resources.PluginContext;

/**
 * Nested stacks for resource plugins: a resource (OS::Heat::Stack, a template resource, a
 * group) owns a child stack, made, changed and removed through the engine that owns the
 * parent, and waited for. Every call is idempotent: a create retried after its engine died
 * finds the child it made before. A child that fails fails the call with Heat's reason, the
 * child's resource path under the parent resource's ({@code resources.<name>.resources.<child>}).
 */
public interface NestedStacks {

    /**
     * What a child stack is made of. The child also gets the parent's files and environment
     * (less its parameter values), as Heat passes them down.
     *
     * @param template    the child's template text (YAML or JSON)
     * @param parameters  the child's parameter values (nulls are dropped)
     * @param timeoutMins the child's timeout, or null for the parent's
     */
    record Definition(String template, Map<String, Object> parameters, Integer timeoutMins) {
        public Definition {
            parameters = parameters == null ? Map.of() : parameters;
        }
    }

    /**
     * One resource of a child stack, as its owner shows it.
     *
     * @param name        the resource's name in the child
     * @param referenceId what {@code get_resource} gives for it
     * @param attributes  its attributes by name
     */
    record Member(String name, String referenceId, Map<String, Object> attributes) {
    }

    /**
     * Creates the child of {@code context.stack()}'s resource {@code resourceName} (or finds the
     * one a retried create made) and waits until it is created.
     *
     * @return the child's id (the resource's physical id)
     * @throws dev.overcast.orchestration.resources.ResourceFailure when the child fails
     */
    String create(String resourceName, Definition definition, PluginContext context);

    /** Updates the child to {@code definition} and waits until it is updated. */
    void update(String stackId, Definition definition, PluginContext context);

    /** Deletes the child and waits until it is gone; a child that is gone already is fine. */
    void delete(String stackId, PluginContext context);

    /** @return the child's stack name */
    String name(String stackId);

    /** @return the child's outputs by name, resolved now (an output that fails to resolve is null) */
    Map<String, Object> outputs(String stackId);

    /** @return the child's resources in creation order, with their references and attributes */
    List<Member> members(String stackId);

    /**
     * Changes a resource of {@code stackId} the way its plugin's {@link
     * dev.overcast.orchestration.resources.ResourcePlugin#update} would, outside a stack action:
     * a scaling policy resizing its group. {@code change} gets the resource's physical id,
     * properties and data and returns its new data.
     *
     * @throws dev.overcast.orchestration.resources.ResourceFailure when no resource of the stack
     *         has that physical id
     */
    void changeResource(String stackId, String physicalId,
            java.util.function.Function<dev.overcast.orchestration.resources.ResourceState, Map<String, Object>> change);
}
