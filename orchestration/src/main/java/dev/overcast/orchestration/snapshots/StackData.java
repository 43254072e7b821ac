package dev.overcast.orchestration.snapshots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.Template;

/**
 * Heat's abandon data, also a snapshot's {@code data}: the stack's template (as a map), its
 * environment, files and resources with their physical ids and data, which an adopt takes back.
 */
public record StackData(String id, String name, String action, String status, Map<String, Object> template,
                        Map<String, Object> environment, Map<String, String> files,
                        Map<String, ResourceData> resources, @JsonProperty("project_id") String projectId,
                        @JsonProperty("stack_user_project_id") String stackUserProjectId, List<String> tags) {

    /**
     * One resource as Heat abandons it.
     *
     * @param resourceId   the physical id
     * @param resourceData the plugin's data (a RandomString's value, ...)
     */
    public record ResourceData(String name, @JsonProperty("resource_id") String resourceId, String type,
                               String action, String status, Map<String, Object> metadata,
                               @JsonProperty("resource_data") Map<String, Object> resourceData) {
    }

    /** The data of {@code stack} as it stands, with its action and status shown as given. */
    static StackData of(StackRow stack, List<ResourceRow> rows, String action, String status) {
        Template template = StackTemplates.parse(stack);
        Map<String, ResourceData> resources = new LinkedHashMap<>();
        for (ResourceRow r : rows) {
            resources.put(r.name(), new ResourceData(r.name(), r.physicalId(), r.type(), r.action(), r.status(),
                    r.metadata(), r.data()));
        }
        // Heat has a stack user project only for stacks with servers that signal; none here.
        return new StackData(stack.id(), stack.name(), action, status, template.raw(),
                template.environment().asMap(), stack.files(), resources, stack.projectId(), null, stack.tags());
    }
}
