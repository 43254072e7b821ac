package dev.overcast.orchestration.template;

import java.util.Set;

import dev.overcast.orchestration.template.functions.Snippets;

/**
 * One output of a template.
 *
 * @param name        the output name
 * @param value       the parsed value (functions unresolved); null when its condition is false
 * @param description the description, or null
 * @param enabled     whether its condition holds (an output whose condition is false shows null)
 */
public record OutputDefinition(String name, Object value, String description, boolean enabled) {

    /**
     * @return the value with every function resolved; null when the condition is false
     * @throws TemplateException StackValidationFailed when a function refuses its arguments (Heat
     *                           shows that per output as {@code output_error})
     */
    public Object resolve(ResolutionContext context) {
        return enabled ? Snippets.resolve(value, context) : null;
    }

    /** @return the resources the value refers to */
    public Set<String> dependencies() {
        return Snippets.dependencies(value);
    }
}
