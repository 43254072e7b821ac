package dev.overcast.compute.instances;

import java.util.List;
import java.util.Locale;

/** Nova's mapping from (vm_state, task_state) to the server {@code status} users see, and back for filters. */
public final class ServerStatus {
    private ServerStatus() {
    }

    public static String of(VmState vm, TaskState task) {
        return switch (vm) {
            case BUILDING -> "BUILD";
            case ACTIVE -> task == TaskState.REBOOTING ? "REBOOT"
                    : task == TaskState.REBOOTING_HARD ? "HARD_REBOOT"
                    : task == TaskState.REBUILDING ? "REBUILD" : resizing(task) ? "RESIZE" : "ACTIVE";
            case STOPPED -> task == TaskState.REBOOTING_HARD ? "HARD_REBOOT"
                    : task == TaskState.REBUILDING ? "REBUILD" : resizing(task) ? "RESIZE" : "SHUTOFF";
            case PAUSED -> "PAUSED";
            case SUSPENDED -> "SUSPENDED";
            case RESCUED -> "RESCUE";
            case RESIZED -> task == TaskState.RESIZE_REVERTING ? "REVERT_RESIZE" : "VERIFY_RESIZE";
            case SHELVED -> "SHELVED";
            case SHELVED_OFFLOADED -> "SHELVED_OFFLOADED";
            case SOFT_DELETED -> "SOFT_DELETED";
            case DELETED -> "DELETED";
            case ERROR -> task == TaskState.REBUILDING ? "REBUILD" : "ERROR";
        };
    }

    private static boolean resizing(TaskState task) {
        return task == TaskState.RESIZE_PREP || task == TaskState.RESIZE_MIGRATING;
    }

    /**
     * The vm_states a {@code status} filter selects (upper or lower case), or null when the
     * status is unknown. REBOOT and HARD_REBOOT need the task state too; see {@link #taskFor}.
     */
    public static List<VmState> vmStatesFor(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "BUILD" -> List.of(VmState.BUILDING);
            case "ACTIVE", "REBOOT" -> List.of(VmState.ACTIVE);
            case "REBUILD" -> List.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);
            case "HARD_REBOOT" -> List.of(VmState.ACTIVE, VmState.STOPPED);
            case "SHUTOFF" -> List.of(VmState.STOPPED);
            case "PAUSED" -> List.of(VmState.PAUSED);
            case "SUSPENDED" -> List.of(VmState.SUSPENDED);
            case "RESCUE" -> List.of(VmState.RESCUED);
            case "VERIFY_RESIZE", "REVERT_RESIZE" -> List.of(VmState.RESIZED);
            case "RESIZE" -> List.of(VmState.ACTIVE, VmState.STOPPED);
            case "SHELVED" -> List.of(VmState.SHELVED);
            case "SHELVED_OFFLOADED" -> List.of(VmState.SHELVED_OFFLOADED);
            case "SOFT_DELETED" -> List.of(VmState.SOFT_DELETED);
            case "DELETED" -> List.of(VmState.DELETED);
            case "ERROR" -> List.of(VmState.ERROR);
            default -> null;
        };
    }

    /** Whether an instance in ({@code vm}, {@code task}) shows as {@code status}. */
    public static boolean matches(String status, VmState vm, TaskState task) {
        return of(vm, task).equalsIgnoreCase(status);
    }
}
