package dev.overcast.compute.instances;

import java.util.Objects;

/**
 * Where an instance stands: its vm_state, its task (null when none) and its power state.
 * Only {@link Lifecycle} makes new ones from old ones.
 */
public record InstanceState(VmState vm, TaskState task, PowerState power) {
    public InstanceState {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(power, "power");
    }

    /** The API's {@code status} for this state, as Nova maps vm and task states. */
    public String status() {
        return ServerStatus.of(vm, task);
    }
}
