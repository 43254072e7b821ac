package dev.overcast.compute.instances;

/**
 * Nova's {@code task_state}: the operation in progress on an instance, or none. An instance with a
 * task state is work a conductor or agent owes; the workflows drive it to none.
 */
public enum TaskState {
    SCHEDULING("scheduling"), SPAWNING("spawning"), DELETING("deleting"), POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"), REBOOTING("rebooting"), REBOOTING_HARD("rebooting_hard"), PAUSING("pausing"),
    UNPAUSING("unpausing"), SUSPENDING("suspending"), RESUMING("resuming"), SHELVING("shelving"),
    UNSHELVING("unshelving"), REBUILDING("rebuilding"), IMAGE_SNAPSHOT("image_snapshot"), RESCUING("rescuing"),
    UNRESCUING("unrescuing"), RESIZE_PREP("resize_prep"), RESIZE_MIGRATING("resize_migrating"),
    RESIZE_REVERTING("resize_reverting");

    private final String value;

    TaskState(String value) {
        this.value = value;
    }

    /** The value as stored and as the API shows it ({@code OS-EXT-STS:task_state}). */
    public String value() {
        return value;
    }

    /** The state for a stored value; null for null (no task). */
    public static TaskState of(String value) {
        if (value == null) {
            return null;
        }
        for (TaskState s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task_state " + value);
    }
}
