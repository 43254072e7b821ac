package dev.overcast.orchestration.engine;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateInput;
import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.parameters.CustomConstraintLookup;
import dev.overcast.orchestration.template.parameters.CustomConstraintResult;
import dev.overcast.orchestration.template.parameters.PseudoParameters;

/** Parses what a stack was given into a {@link Template}, as Heat binds it to the stack. */
public final class StackTemplates {
    /**
     * A stored stack's custom constraints passed when it was created or updated; as in Heat, they
     * are not asked again each time the stack is loaded (a flavor deleted since must not make the
     * stack unreadable).
     */
    private static final CustomConstraintLookup CHECKED = (name, value) -> new CustomConstraintResult.Valid();

    private StackTemplates() {
    }

    /**
     * @return the stack's template with its environment and parameters applied
     * @throws dev.overcast.orchestration.template.TemplateException when they do not make a valid template
     */
    public static Template parse(StackRow stack) {
        return parse(stack, CHECKED);
    }

    /**
     * @param constraints the custom constraint checks for the parameters (the cloud's, as the
     *                    user who gives the stack)
     * @return the stack's template with its environment and parameters applied, and the
     *         dependencies Heat adds by resource type ({@link ImplicitDependencies})
     */
    public static Template parse(StackRow stack, CustomConstraintLookup constraints) {
        return ImplicitDependencies.add(Template.parse(input(stack.template(), stack.files(), stack.environment(),
                stack.parameters())
                .withPseudoParameters(new PseudoParameters(stack.id(), stack.name(), stack.projectId()))
                .withConstraints(constraints)));
    }

    /**
     * @return the names of the stack's resources whose deletion policy is Retain (Heat leaves
     *         their physical resources in place when it deletes them); none when the stack's
     *         definition no longer parses
     */
    public static java.util.Set<String> retained(StackRow stack) {
        if (stack.template() == null || stack.template().isBlank()) {
            return java.util.Set.of();
        }
        try {
            java.util.Set<String> names = new java.util.HashSet<>();
            parse(stack).resources().values().forEach(def -> {
                if (def.deletionPolicy() == dev.overcast.orchestration.template.DeletionPolicy.RETAIN) {
                    names.add(def.name());
                }
            });
            return names;
        } catch (dev.overcast.orchestration.template.TemplateException e) {
            return java.util.Set.of();
        }
    }

    /** The input of a template, its files, the user's environment and parameter values. */
    public static TemplateInput input(String text, Map<String, String> files, Map<String, Object> environment,
            Map<String, Object> parameters) {
        List<Environment> environments = environment.isEmpty() ? List.of() : List.of(Environment.fromMap(environment));
        TemplateInput input = new TemplateInput(text, files, environments, CustomConstraintLookup.NONE,
                PseudoParameters.NONE, true);
        return parameters.isEmpty() ? input : input.withParameters(parameters);
    }
}
