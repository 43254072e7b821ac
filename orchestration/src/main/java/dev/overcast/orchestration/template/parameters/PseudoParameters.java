package dev.overcast.orchestration.template.parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of HOT's pseudo parameters {@code OS::stack_id}, {@code OS::stack_name} and
 * {@code OS::project_id}, which the engine knows and the user does not give.
 *
 * @param stackId   the stack's id
 * @param stackName the stack's name
 * @param projectId the owning project's id
 */
public record PseudoParameters(String stackId, String stackName, String projectId) {

    /** For validating a template outside any stack (Heat's {@code template validate}). */
    public static final PseudoParameters NONE = new PseudoParameters("None", "", "");

    /** @return the pseudo parameters by name ({@code OS::stack_name} only when there is a name, as in Heat) */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("OS::stack_id", stackId);
        values.put("OS::project_id", projectId);
        if (stackName != null && !stackName.isEmpty()) {
            values.put("OS::stack_name", stackName);
        }
        return values;
    }
}
