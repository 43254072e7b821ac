package dev.overcast.orchestration.snapshots;

import java.util.Map;

import dev.overcast.orchestration.stacks.StackRow;

/**
 * What a stack was given, exactly as stored: what a restore gives it back.
 *
 * @param template    the template text
 * @param files       the files map
 * @param environment the user's environment
 * @param parameters  the user's parameter values
 */
public record StackDefinition(String template, Map<String, String> files, Map<String, Object> environment,
                              Map<String, Object> parameters) {

    static StackDefinition of(StackRow stack) {
        return new StackDefinition(stack.template(), stack.files(), stack.environment(), stack.parameters());
    }

    /** @return {@code stack} given this definition (everything else kept) */
    StackRow applyTo(StackRow s) {
        return new StackRow(s.id(), s.name(), s.projectId(), s.userId(), s.ownerId(), s.action(), s.status(),
                s.statusReason(), template, files, environment, parameters, s.tags(), s.disableRollback(),
                s.timeoutMins(), s.engine(), s.lockEngine(), s.lockExpires(), s.createdAt(), s.updatedAt(),
                s.deletedAt());
    }
}
