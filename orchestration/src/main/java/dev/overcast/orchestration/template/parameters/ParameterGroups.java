package dev.overcast.orchestration.template.parameters;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.Py;

/** Heat's checks of the {@code parameter_groups} section. */
public final class ParameterGroups {

    private static final String ERROR = "Parameter Groups error";

    private ParameterGroups() {
    }

    /**
     * @param groups         the section as written (null when absent)
     * @param parameterNames the template's parameter names
     * @throws TemplateException StackValidationFailed with Heat's message
     */
    public static void validate(Object groups, Set<String> parameterNames) {
        if (!Py.truthy(groups)) {
            return;
        }
        if (!(groups instanceof List<?> list)) {
            throw TemplateException.validation(ERROR, "parameter_groups", "The parameter_groups should be a list.");
        }
        Set<String> grouped = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> group)) {
                throw TemplateException.validation(ERROR, "parameter_groups", "The parameter_groups should be a list of maps.");
            }
            String path = "parameter_groups." + (group.containsKey("label") ? Py.str(group.get("label")) : "");
            Object parameters = group.get("parameters");
            if (parameters == null) {
                throw TemplateException.validation(ERROR, path, "The parameters must be provided for each parameter group.");
            }
            if (!(parameters instanceof List<?> names)) {
                throw TemplateException.validation(ERROR, path, "The parameters of parameter group should be a list.");
            }
            for (Object name : names) {
                String param = Py.str(name);
                if (!grouped.add(param)) {
                    throw TemplateException.validation(ERROR, path,
                            "The " + param + " parameter must be assigned to one parameter group only.");
                }
                if (!parameterNames.contains(param)) {
                    throw TemplateException.validation(ERROR, path,
                            "The grouped parameter " + param + " does not reference a valid parameter.");
                }
            }
        }
    }
}
