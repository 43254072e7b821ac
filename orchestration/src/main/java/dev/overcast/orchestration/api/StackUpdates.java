package dev.overcast.orchestration.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.stacks.StackRow;

/** What an update (PUT) or a patch (PATCH, Heat's {@code existing}) makes of a stack's definition. */
final class StackUpdates {
    private StackUpdates() {
    }

    /** PUT: the body replaces the template, files, environment and parameters. */
    static StackRow replaced(StackRow s, StackBody b) {
        return with(s, b.requireTemplate(), b.files(), b.environment(), b.parameters(), b);
    }

    /**
     * PATCH: what the body leaves out is kept; parameters, files and environment sections are
     * merged over the stack's, then {@code clear_parameters} are removed.
     */
    @SuppressWarnings("unchecked")
    static StackRow patched(StackRow s, StackBody b) {
        String template = b.template() == null ? s.template() : b.template();
        Map<String, String> files = new LinkedHashMap<>(s.files());
        files.putAll(b.files());
        Map<String, Object> environment = new LinkedHashMap<>(s.environment());
        b.environment().forEach((section, value) -> {
            if (environment.get(section) instanceof Map<?, ?> old && value instanceof Map<?, ?> more) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) old);
                merged.putAll((Map<String, Object>) more);
                environment.put(section, merged);
            } else {
                environment.put(section, value);
            }
        });
        Map<String, Object> parameters = new LinkedHashMap<>(s.parameters());
        parameters.putAll(b.parameters());
        b.clearParameters().forEach(parameters::remove);
        b.clearParameters().forEach(name -> {
            if (environment.get("parameters") instanceof Map<?, ?> p) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) p);
                copy.remove(name);
                environment.put("parameters", copy);
            }
        });
        return with(s, template, files, environment, parameters, b);
    }

    private static StackRow with(StackRow s, String template, Map<String, String> files,
            Map<String, Object> environment, Map<String, Object> parameters, StackBody b) {
        return new StackRow(s.id(), s.name(), s.projectId(), s.userId(), s.ownerId(), s.action(), s.status(),
                s.statusReason(), template, files, environment, parameters, b.tags() == null ? s.tags() : b.tags(),
                b.disableRollback() == null ? s.disableRollback() : b.disableRollback(),
                b.timeoutMins() == null ? s.timeoutMins() : b.timeoutMins(), s.engine(), s.lockEngine(),
                s.lockExpires(), s.createdAt(), s.updatedAt(), s.deletedAt());
    }
}
