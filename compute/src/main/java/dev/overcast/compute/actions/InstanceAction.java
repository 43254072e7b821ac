package dev.overcast.compute.actions;

import java.time.Instant;
import java.util.List;

/**
 * One user-visible operation on an instance ({@code create}, {@code stop}, ...) with its events.
 *
 * @param requestId the API request that started it; actions are looked up by it
 */
public record InstanceAction(long id, String instanceUuid, String action, String requestId, String projectId,
                             String userId, Instant startTime, Instant finishTime, String message, Instant updatedAt,
                             List<Event> events) {

    /**
     * One step of an action, such as {@code compute__do_build_and_run_instance}.
     *
     * @param result    {@code Success} or {@code Error}, null while running
     * @param traceback what failed, for admins
     * @param details   why it failed, in words a user may read (2.84)
     */
    public record Event(String event, Instant startTime, Instant finishTime, String result, String traceback,
                        String host, String details) {
    }
}
