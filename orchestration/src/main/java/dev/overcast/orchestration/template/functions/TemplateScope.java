package dev.overcast.orchestration.template.functions;

import java.util.Map;

import dev.overcast.orchestration.template.TemplateVersion;

/**
 * What functions learn from the template they are parsed in: its version, its bound parameters,
 * its files and its conditions. The {@link dev.overcast.orchestration.template.Template} provides
 * it.
 */
public interface TemplateScope {

    /** @return the template's version */
    TemplateVersion version();

    /** @return whether a parameter (pseudo parameters included) of that name exists */
    boolean hasParameter(String name);

    /**
     * @return the bound, type-coerced value of a parameter
     * @throws dev.overcast.orchestration.template.TemplateException UserParameterMissing when
     *                                                               there is no such parameter
     */
    Object parameterValue(String name);

    /** @return the files map (path to contents) sent with the template */
    Map<String, String> files();

    /**
     * Heat's {@code Conditions.is_enabled}: {@code null} is enabled, a boolean is itself, a
     * string names a condition of the {@code conditions} section.
     *
     * @throws IllegalArgumentException with Heat's {@code Invalid condition "x"} for anything else
     */
    boolean conditionEnabled(Object condition);
}
