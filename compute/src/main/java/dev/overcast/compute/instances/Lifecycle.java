package dev.overcast.compute.instances;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one transition table of an instance's vm_state, task_state and power_state. Every change
 * of state anywhere in Compute is an {@link Event} applied here; the stores write only what
 * this class returns, with a compare-and-set on the state it started from.
 *
 * <p>A request event ({@code STOP_REQUESTED}, ...) puts a task on the instance; the workflow
 * that owns the task ends it with an outcome event ({@code STOPPED}, or {@code TASK_ABORTED}
 * when the hypervisor refused). An event that does not apply to the current state is
 * refused with the operation's name, as Nova's InstanceInvalidState.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** What can happen to an instance. */
    public enum Event {
        SCHEDULED, SPAWNED, BUILD_FAILED,
        DELETE_REQUESTED, DELETED,
        STOP_REQUESTED, STOPPED, START_REQUESTED, STARTED,
        REBOOT_REQUESTED, HARD_REBOOT_REQUESTED, REBOOTED,
        PAUSE_REQUESTED, PAUSED, UNPAUSE_REQUESTED, UNPAUSED,
        SUSPEND_REQUESTED, SUSPENDED, RESUME_REQUESTED, RESUMED,
        RESCUE_REQUESTED, RESCUED, UNRESCUE_REQUESTED, UNRESCUED,
        SHELVE_REQUESTED, SHELVED_OFFLOADED, UNSHELVE_REQUESTED, UNSHELVED,
        REBUILD_REQUESTED, REBUILT, REBUILT_STOPPED,
        SNAPSHOT_REQUESTED, SNAPSHOT_TAKEN,
        RESIZE_REQUESTED, RESIZE_SCHEDULED, RESIZE_FINISHED, RESIZE_FINISHED_STOPPED,
        RESIZE_CONFIRMED, RESIZE_CONFIRMED_STOPPED, REVERT_RESIZE_REQUESTED, RESIZE_REVERTED,
        RESIZE_REVERTED_STOPPED,
        STOPPED_OUTSIDE,
        RESET_TO_ACTIVE, RESET_TO_ERROR,
        TASK_ABORTED, TASK_FAILED
    }

    /** Null in a target means "unchanged"; {@code clearTask} sets the task to none. */
    record Transition(Event event, Set<VmState> fromVm, Set<TaskState> fromTask, boolean fromNoTask,
                      VmState toVm, TaskState toTask, boolean clearTask, PowerState toPower) {
        boolean accepts(InstanceState s) {
            return fromVm.contains(s.vm()) && (s.task() == null ? fromNoTask : fromTask.contains(s.task()));
        }

        InstanceState apply(InstanceState s) {
            return new InstanceState(toVm == null ? s.vm() : toVm, clearTask ? null : toTask == null ? s.task() : toTask,
                    toPower == null ? s.power() : toPower);
        }
    }

    private static final Set<VmState> ALIVE = EnumSet.complementOf(EnumSet.of(VmState.DELETED));
    private static final Set<TaskState> ANY_TASK = EnumSet.allOf(TaskState.class);
    private static final Set<TaskState> NO_TASK = EnumSet.noneOf(TaskState.class);
    /** Tasks that, when the hypervisor refuses, leave the instance as it was. */
    private static final Set<TaskState> ABORTABLE = EnumSet.of(TaskState.POWERING_OFF, TaskState.POWERING_ON,
            TaskState.REBOOTING, TaskState.REBOOTING_HARD, TaskState.PAUSING, TaskState.UNPAUSING,
            TaskState.SUSPENDING, TaskState.RESUMING, TaskState.UNSHELVING, TaskState.IMAGE_SNAPSHOT,
            TaskState.RESCUING, TaskState.UNRESCUING, TaskState.RESIZE_PREP, TaskState.RESIZE_MIGRATING);
    /** Where Nova lets a server be resized or cold-migrated. */
    private static final Set<VmState> RESIZABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED);
    /** Where Nova lets a server be rescued. */
    private static final Set<VmState> RESCUABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);
    private static final Set<VmState> SHELVABLE = EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED,
            VmState.SUSPENDED);

    static final List<Transition> TABLE = List.of(
            new Transition(Event.SCHEDULED, EnumSet.of(VmState.BUILDING), EnumSet.of(TaskState.SCHEDULING), false,
                    null, TaskState.SPAWNING, false, null),
            new Transition(Event.SPAWNED, EnumSet.of(VmState.BUILDING), EnumSet.of(TaskState.SPAWNING), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.BUILD_FAILED, EnumSet.of(VmState.BUILDING),
                    EnumSet.of(TaskState.SCHEDULING, TaskState.SPAWNING), true,
                    VmState.ERROR, null, true, PowerState.NOSTATE),
            new Transition(Event.DELETE_REQUESTED, ALIVE, ANY_TASK, true, null, TaskState.DELETING, false, null),
            new Transition(Event.DELETED, ALIVE, EnumSet.of(TaskState.DELETING), false,
                    VmState.DELETED, null, true, PowerState.NOSTATE),
            new Transition(Event.STOP_REQUESTED, EnumSet.of(VmState.ACTIVE, VmState.ERROR), NO_TASK, true,
                    null, TaskState.POWERING_OFF, false, null),
            new Transition(Event.STOPPED, EnumSet.of(VmState.ACTIVE, VmState.ERROR, VmState.STOPPED),
                    EnumSet.of(TaskState.POWERING_OFF), false, VmState.STOPPED, null, true, PowerState.SHUTDOWN),
            new Transition(Event.START_REQUESTED, EnumSet.of(VmState.STOPPED), NO_TASK, true,
                    null, TaskState.POWERING_ON, false, null),
            new Transition(Event.STARTED, EnumSet.of(VmState.STOPPED), EnumSet.of(TaskState.POWERING_ON), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.REBOOT_REQUESTED, EnumSet.of(VmState.ACTIVE), NO_TASK, true,
                    null, TaskState.REBOOTING, false, null),
            new Transition(Event.HARD_REBOOT_REQUESTED, EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR),
                    EnumSet.of(TaskState.REBOOTING), true, null, TaskState.REBOOTING_HARD, false, null),
            new Transition(Event.REBOOTED, EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR),
                    EnumSet.of(TaskState.REBOOTING, TaskState.REBOOTING_HARD), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.PAUSE_REQUESTED, EnumSet.of(VmState.ACTIVE), NO_TASK, true,
                    null, TaskState.PAUSING, false, null),
            new Transition(Event.PAUSED, EnumSet.of(VmState.ACTIVE), EnumSet.of(TaskState.PAUSING), false,
                    VmState.PAUSED, null, true, PowerState.PAUSED),
            new Transition(Event.UNPAUSE_REQUESTED, EnumSet.of(VmState.PAUSED), NO_TASK, true,
                    null, TaskState.UNPAUSING, false, null),
            new Transition(Event.UNPAUSED, EnumSet.of(VmState.PAUSED), EnumSet.of(TaskState.UNPAUSING), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.SUSPEND_REQUESTED, EnumSet.of(VmState.ACTIVE), NO_TASK, true,
                    null, TaskState.SUSPENDING, false, null),
            new Transition(Event.SUSPENDED, EnumSet.of(VmState.ACTIVE), EnumSet.of(TaskState.SUSPENDING), false,
                    VmState.SUSPENDED, null, true, PowerState.SUSPENDED),
            new Transition(Event.RESUME_REQUESTED, EnumSet.of(VmState.SUSPENDED), NO_TASK, true,
                    null, TaskState.RESUMING, false, null),
            new Transition(Event.RESUMED, EnumSet.of(VmState.SUSPENDED), EnumSet.of(TaskState.RESUMING), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.RESCUE_REQUESTED, RESCUABLE, NO_TASK, true, null, TaskState.RESCUING, false, null),
            new Transition(Event.RESCUED, RESCUABLE, EnumSet.of(TaskState.RESCUING), false,
                    VmState.RESCUED, null, true, PowerState.RUNNING),
            new Transition(Event.UNRESCUE_REQUESTED, EnumSet.of(VmState.RESCUED), NO_TASK, true,
                    null, TaskState.UNRESCUING, false, null),
            new Transition(Event.UNRESCUED, EnumSet.of(VmState.RESCUED), EnumSet.of(TaskState.UNRESCUING), false,
                    VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.SHELVE_REQUESTED, SHELVABLE, NO_TASK, true, null, TaskState.SHELVING, false, null),
            new Transition(Event.SHELVED_OFFLOADED, SHELVABLE, EnumSet.of(TaskState.SHELVING), false,
                    VmState.SHELVED_OFFLOADED, null, true, PowerState.SHUTDOWN),
            new Transition(Event.UNSHELVE_REQUESTED, EnumSet.of(VmState.SHELVED, VmState.SHELVED_OFFLOADED), NO_TASK,
                    true, null, TaskState.UNSHELVING, false, null),
            new Transition(Event.UNSHELVED, EnumSet.of(VmState.SHELVED, VmState.SHELVED_OFFLOADED),
                    EnumSet.of(TaskState.UNSHELVING), false, VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.REBUILD_REQUESTED, EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR),
                    NO_TASK, true, null, TaskState.REBUILDING, false, null),
            new Transition(Event.REBUILT, EnumSet.of(VmState.ACTIVE, VmState.ERROR), EnumSet.of(TaskState.REBUILDING),
                    false, VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.REBUILT_STOPPED, EnumSet.of(VmState.STOPPED), EnumSet.of(TaskState.REBUILDING), false,
                    VmState.STOPPED, null, true, PowerState.SHUTDOWN),
            new Transition(Event.SNAPSHOT_REQUESTED, SHELVABLE, NO_TASK, true, null, TaskState.IMAGE_SNAPSHOT, false,
                    null),
            new Transition(Event.SNAPSHOT_TAKEN, SHELVABLE, EnumSet.of(TaskState.IMAGE_SNAPSHOT), false, null, null,
                    true, null),
            new Transition(Event.RESIZE_REQUESTED, RESIZABLE, NO_TASK, true, null, TaskState.RESIZE_PREP, false, null),
            new Transition(Event.RESIZE_SCHEDULED, RESIZABLE, EnumSet.of(TaskState.RESIZE_PREP), false,
                    null, TaskState.RESIZE_MIGRATING, false, null),
            new Transition(Event.RESIZE_FINISHED, RESIZABLE, EnumSet.of(TaskState.RESIZE_MIGRATING), false,
                    VmState.RESIZED, null, true, PowerState.RUNNING),
            new Transition(Event.RESIZE_FINISHED_STOPPED, RESIZABLE, EnumSet.of(TaskState.RESIZE_MIGRATING), false,
                    VmState.RESIZED, null, true, PowerState.SHUTDOWN),
            new Transition(Event.RESIZE_CONFIRMED, EnumSet.of(VmState.RESIZED), NO_TASK, true,
                    VmState.ACTIVE, null, true, null),
            new Transition(Event.RESIZE_CONFIRMED_STOPPED, EnumSet.of(VmState.RESIZED), NO_TASK, true,
                    VmState.STOPPED, null, true, null),
            new Transition(Event.REVERT_RESIZE_REQUESTED, EnumSet.of(VmState.RESIZED), NO_TASK, true,
                    null, TaskState.RESIZE_REVERTING, false, null),
            new Transition(Event.RESIZE_REVERTED, EnumSet.of(VmState.RESIZED), EnumSet.of(TaskState.RESIZE_REVERTING),
                    false, VmState.ACTIVE, null, true, PowerState.RUNNING),
            new Transition(Event.RESIZE_REVERTED_STOPPED, EnumSet.of(VmState.RESIZED),
                    EnumSet.of(TaskState.RESIZE_REVERTING), false, VmState.STOPPED, null, true, PowerState.SHUTDOWN),
            new Transition(Event.STOPPED_OUTSIDE, EnumSet.of(VmState.ACTIVE), NO_TASK, true, VmState.STOPPED, null,
                    true, PowerState.SHUTDOWN),
            new Transition(Event.RESET_TO_ACTIVE, ALIVE, ANY_TASK, true, VmState.ACTIVE, null, true, null),
            new Transition(Event.RESET_TO_ERROR, ALIVE, ANY_TASK, true, VmState.ERROR, null, true, null),
            new Transition(Event.TASK_ABORTED, ALIVE, ABORTABLE, false, null, null, true, null),
            new Transition(Event.TASK_FAILED, ALIVE, EnumSet.of(TaskState.REBUILDING, TaskState.SHELVING,
                    TaskState.RESIZE_MIGRATING, TaskState.RESIZE_REVERTING), false,
                    VmState.ERROR, null, true, null));

    /** The state of an instance that is to be built: building, scheduling, no power. */
    public static InstanceState initial() {
        return new InstanceState(VmState.BUILDING, TaskState.SCHEDULING, PowerState.NOSTATE);
    }

    /** Whether {@code event} applies to {@code state}. */
    public static boolean allows(InstanceState state, Event event) {
        return TABLE.stream().anyMatch(t -> t.event() == event && t.accepts(state));
    }

    /**
     * The state after {@code event}.
     *
     * @param operation the API's name for what was asked ({@code stop}, {@code reboot}, ...), for the refusal
     * @throws InvalidState when the event does not apply to {@code state}
     */
    public static InstanceState apply(InstanceState state, Event event, String operation, String instanceUuid) {
        for (Transition t : TABLE) {
            if (t.event() == event && t.accepts(state)) {
                return t.apply(state);
            }
        }
        throw new InvalidState(operation, instanceUuid, state);
    }

    /** Nova's InstanceInvalidState, a 409 naming the state that refused the operation. */
    public static final class InvalidState extends dev.overcast.core.http.ApiException {
        public InvalidState(String operation, String instanceUuid, InstanceState state) {
            super(409, state.task() != null
                    ? "Cannot '" + operation + "' instance " + instanceUuid + " while it is in task_state "
                    + state.task().value()
                    : "Cannot '" + operation + "' instance " + instanceUuid + " while it is in vm_state "
                    + state.vm().value());
        }
    }
}
