package dev.overcast.orchestration.stacks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stack as stored: what it was last given (template text, files, environment, user
 * parameters), where it stands, which engine owns it and who holds its lock.
 *
 * @param template    the template text as given (YAML or JSON)
 * @param environment the user's environment as a map (Heat's environment sections)
 * @param parameters  the user's parameter values
 * @param engine      {@code legacy} or {@code convergence}
 * @param lockEngine  the engine holding the stack's lock, or null
 * @param lockExpires when that engine's lease lapses, or null
 */
public record StackRow(String id, String name, String projectId, String userId, String ownerId, String action,
                       String status, String statusReason, String template, Map<String, String> files,
                       Map<String, Object> environment, Map<String, Object> parameters, List<String> tags,
                       boolean disableRollback, Integer timeoutMins, String engine, String lockEngine,
                       Instant lockExpires, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    /** @return Heat's {@code stack_status}, e.g. {@code CREATE_COMPLETE} */
    public String stackStatus() {
        return action + "_" + status;
    }

    /** @return whether an action is running on it */
    public boolean inProgress() {
        return status.equals("IN_PROGRESS");
    }
}
