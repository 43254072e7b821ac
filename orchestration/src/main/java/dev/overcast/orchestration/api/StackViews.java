package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.OutputDefinition;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateException;

/** Stacks and their outputs as Heat's API shows them. */
final class StackViews {
    private StackViews() {
    }

    static String self(Request request, StackRow s) {
        return ApiContext.base(request) + "/stacks/" + s.name() + "/" + s.id();
    }

    static List<Map<String, Object>> links(String href) {
        return List.of(Map.of("href", href, "rel", "self"));
    }

    /** The fields of a stack in a list. */
    static Map<String, Object> summary(Request request, StackRow s, boolean withProject) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("links", links(self(request, s)));
        v.put("stack_name", s.name());
        v.put("description", description(s));
        v.put("creation_time", ApiContext.time(s.createdAt()));
        v.put("updated_time", ApiContext.time(s.updatedAt()));
        v.put("deletion_time", ApiContext.time(s.deletedAt()));
        v.put("stack_status", s.stackStatus());
        v.put("stack_status_reason", s.statusReason());
        v.put("stack_owner", null);
        v.put("parent", s.ownerId());
        v.put("stack_user_project_id", s.projectId());
        v.put("tags", s.tags().isEmpty() ? null : s.tags());
        if (withProject) {
            v.put("project", s.projectId());
        }
        return v;
    }

    /** The fields of {@code GET /stacks/{name}/{id}}. */
    static Map<String, Object> detail(Request request, StackRow s, StackStore store, ResourceTypes types,
            boolean resolveOutputs) {
        Map<String, Object> v = summary(request, s, false);
        Template template = parse(s);
        v.put("disable_rollback", s.disableRollback());
        v.put("timeout_mins", s.timeoutMins());
        v.put("capabilities", List.of());
        v.put("notification_topics", List.of());
        v.put("template_description", template == null ? description(s) : template.description());
        v.put("parameters", template == null ? Map.of() : template.parameters().display());
        v.put("engine", s.engine());
        if (resolveOutputs && template != null) {
            StackContext context = new StackContext(types.forStack(s), store.resources(s.id()));
            List<Map<String, Object>> outputs = new ArrayList<>();
            template.outputs().values().forEach(o -> outputs.add(output(o, context)));
            v.put("outputs", outputs);
        }
        return v;
    }

    /** One output, resolved; a failure shows as {@code output_error}, as in Heat. */
    static Map<String, Object> output(OutputDefinition o, StackContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("output_key", o.name());
        v.put("description", o.description() == null ? "No description given" : o.description());
        try {
            v.put("output_value", o.resolve(context));
        } catch (TemplateException e) {
            v.put("output_value", null);
            v.put("output_error", e.getMessage());
        }
        return v;
    }

    /** @return the stack's template, or null when it no longer parses (it did when it was stored) */
    static Template parse(StackRow s) {
        try {
            return StackTemplates.parse(s);
        } catch (TemplateException e) {
            return null;
        }
    }

    private static String description(StackRow s) {
        Template t = parse(s);
        return t == null ? "No description" : t.description();
    }

    /** The required_by of each resource: the resources that require it. */
    static Map<String, List<String>> requiredBy(List<ResourceRow> rows) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.put(r.name(), new ArrayList<>()));
        rows.forEach(r -> r.requires().forEach(n -> {
            if (by.containsKey(n)) {
                by.get(n).add(r.name());
            }
        }));
        return by;
    }
}
