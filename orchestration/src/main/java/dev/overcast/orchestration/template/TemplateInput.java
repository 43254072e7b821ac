package dev.overcast.orchestration.template;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.parameters.CustomConstraintLookup;
import dev.overcast.orchestration.template.parameters.PseudoParameters;

/**
 * Everything a stack operation gives a template.
 *
 * @param text             the template text (YAML or JSON)
 * @param files            the files map: path to contents ({@code get_file}, template resources)
 * @param environments     environments in the order they apply (the API's own {@code parameters}
 *                         last, as Heat applies them)
 * @param constraints      custom constraint checks ({@code nova.flavor}, ...)
 * @param pseudoParameters the stack's id, name and project
 * @param valuesRequired   whether every parameter needs a value (false only for Heat's
 *                         {@code template validate}, which accepts templates without values)
 */
public record TemplateInput(String text, Map<String, String> files, List<Environment> environments,
                            CustomConstraintLookup constraints, PseudoParameters pseudoParameters,
                            boolean valuesRequired) {

    /** @return an input with no files, no environment, no custom constraints and no stack */
    public static TemplateInput of(String text) {
        return new TemplateInput(text, Map.of(), List.of(), CustomConstraintLookup.NONE, PseudoParameters.NONE, true);
    }

    /** @return this input with user parameter values applied last */
    public TemplateInput withParameters(Map<String, Object> parameters) {
        List<Environment> all = new java.util.ArrayList<>(environments);
        all.add(Environment.ofParameters(parameters));
        return new TemplateInput(text, files, List.copyOf(all), constraints, pseudoParameters, valuesRequired);
    }

    /** @return this input with another environment applied after the others */
    public TemplateInput withEnvironment(Environment environment) {
        List<Environment> all = new java.util.ArrayList<>(environments);
        all.add(environment);
        return new TemplateInput(text, files, List.copyOf(all), constraints, pseudoParameters, valuesRequired);
    }

    /** @return this input with a files map */
    public TemplateInput withFiles(Map<String, String> newFiles) {
        return new TemplateInput(text, Map.copyOf(newFiles), environments, constraints, pseudoParameters, valuesRequired);
    }

    /** @return this input with custom constraint checks */
    public TemplateInput withConstraints(CustomConstraintLookup lookup) {
        return new TemplateInput(text, files, environments, lookup, pseudoParameters, valuesRequired);
    }

    /** @return this input for a given stack */
    public TemplateInput withPseudoParameters(PseudoParameters pseudo) {
        return new TemplateInput(text, files, environments, constraints, pseudo, valuesRequired);
    }

    /**
     * @return this input for Heat's {@code template validate}: parameters may lack values (a
     *         function or condition that needs a missing value still fails)
     */
    public TemplateInput forValidation() {
        return new TemplateInput(text, files, environments, constraints, pseudoParameters, false);
    }
}
