package dev.overcast.orchestration.template.functions;

import java.util.Set;

/**
 * What validating a parsed snippet checks against.
 *
 * @param resources names of the resources that exist (those whose condition holds)
 */
public record ValidationScope(Set<String> resources) {

    /**
     * Heat's check in {@code get_attr}'s validation, which names no place:
     * {@code The specified reference "x" (in unknown) is incorrect.}
     */
    void requireResource(Object name) {
        if (!(name instanceof String s) || !resources.contains(s)) {
            throw dev.overcast.orchestration.template.TemplateException.invalidReference(Py.str(name), "unknown");
        }
    }
}
