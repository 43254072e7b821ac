package dev.overcast.orchestration.template;

import java.util.List;
import java.util.Map;

/**
 * What an engine knows at run time and a template does not: resources' reference ids and
 * attributes. Functions resolve against it; parameters, files and conditions are bound into a
 * {@link Template} already.
 *
 * <p>Return {@code null} for an attribute whose resource is not ready (Heat's functions then
 * resolve to {@code null} too).
 */
public interface ResolutionContext {

    /**
     * {@code get_resource}: the resource's reference id (its physical id, or its name while it
     * has none, as Heat's {@code FnGetRefId}).
     */
    String resourceRef(String resourceName);

    /**
     * {@code get_attr}: one attribute, with the path below it applied (see
     * {@link AttributePath#select}); {@code null} when not available.
     */
    Object attribute(String resourceName, String attributeName, List<Object> path);

    /** {@code get_attr} with only a resource name: all of the resource's attributes. */
    Map<String, Object> allAttributes(String resourceName);

    /**
     * {@code resource_facade}: the facade resource's {@code metadata}, {@code deletion_policy}
     * or {@code update_policy} in a provider template. Only nested stacks have a facade.
     */
    default Object resourceFacade(String attribute) {
        throw TemplateException.notSupported("resource_facade outside a nested stack");
    }

    /** A context for snippets that need no run-time facts: any resource lookup is refused. */
    ResolutionContext STATIC = new ResolutionContext() {
        @Override
        public String resourceRef(String resourceName) {
            throw TemplateException.validation("get_resource " + resourceName + " cannot be resolved before the stack exists");
        }

        @Override
        public Object attribute(String resourceName, String attributeName, List<Object> path) {
            throw TemplateException.validation("get_attr " + resourceName + " cannot be resolved before the stack exists");
        }

        @Override
        public Map<String, Object> allAttributes(String resourceName) {
            throw TemplateException.validation("get_attr " + resourceName + " cannot be resolved before the stack exists");
        }
    };
}
