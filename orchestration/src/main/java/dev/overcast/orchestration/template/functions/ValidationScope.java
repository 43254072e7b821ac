package dev.overcast.orchestration.template.functions;

import java.util.Set;

/**
 * What validating a parsed snippet checks against.
 *
 * @param resources     names of the resources that exist (those whose condition holds)
 * @param resolveStatic whether functions that need no run-time facts are resolved while
 *                      validating, so that their errors show now (false for Heat's
 *                      {@code template validate}, where parameters may lack values)
 */
public record ValidationScope(Set<String> resources, boolean resolveStatic) {

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
