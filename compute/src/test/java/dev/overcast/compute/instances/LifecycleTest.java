package dev.overcast.compute.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.overcast.compute.instances.Lifecycle.Event;

class LifecycleTest {
    private static final Set<Lifecycle.Transition> EXERCISED = new HashSet<>();

    private static InstanceState apply(InstanceState s, Event e) {
        for (Lifecycle.Transition t : Lifecycle.TABLE) {
            if (t.event() == e && t.accepts(s)) {
                EXERCISED.add(t);
            }
        }
        return Lifecycle.apply(s, e, e.name().toLowerCase(), "i-1");
    }

    private static InstanceState state(VmState vm, TaskState task, PowerState power) {
        return new InstanceState(vm, task, power);
    }

    @Test
    void aBuildGoesFromSchedulingToSpawningToActiveAndRunning() {
        InstanceState s = apply(Lifecycle.initial(), Event.SCHEDULED);
        assertThat(s).isEqualTo(state(VmState.BUILDING, TaskState.SPAWNING, PowerState.NOSTATE));
        assertThat(s.status()).isEqualTo("BUILD");
        s = apply(s, Event.SPAWNED);
        assertThat(s).isEqualTo(state(VmState.ACTIVE, null, PowerState.RUNNING));
        assertThat(s.status()).isEqualTo("ACTIVE");
    }

    @Test
    void aBuildThatFailsEndsInErrorWithoutATask() {
        assertThat(apply(Lifecycle.initial(), Event.BUILD_FAILED))
                .isEqualTo(state(VmState.ERROR, null, PowerState.NOSTATE));
        InstanceState spawning = state(VmState.BUILDING, TaskState.SPAWNING, PowerState.NOSTATE);
        assertThat(apply(spawning, Event.BUILD_FAILED).status()).isEqualTo("ERROR");
    }

    @Test
    void aDeleteIsAcceptedInEveryLiveStateEvenDuringAnotherTask() {
        for (VmState vm : VmState.values()) {
            if (vm == VmState.DELETED) {
                continue;
            }
            InstanceState deleting = apply(state(vm, TaskState.SPAWNING, PowerState.NOSTATE), Event.DELETE_REQUESTED);
            assertThat(deleting.task()).isEqualTo(TaskState.DELETING);
            assertThat(apply(deleting, Event.DELETED)).isEqualTo(state(VmState.DELETED, null, PowerState.NOSTATE));
        }
        apply(state(VmState.ACTIVE, null, PowerState.RUNNING), Event.DELETE_REQUESTED);
    }

    @Test
    void stopAndStartGoThroughTheirTasks() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        InstanceState stopping = apply(active, Event.STOP_REQUESTED);
        assertThat(stopping.task()).isEqualTo(TaskState.POWERING_OFF);
        InstanceState stopped = apply(stopping, Event.STOPPED);
        assertThat(stopped).isEqualTo(state(VmState.STOPPED, null, PowerState.SHUTDOWN));
        assertThat(stopped.status()).isEqualTo("SHUTOFF");
        InstanceState starting = apply(stopped, Event.START_REQUESTED);
        assertThat(apply(starting, Event.STARTED)).isEqualTo(active);
    }

    @Test
    void aSoftRebootCanBecomeHardAndEndsActive() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        InstanceState soft = apply(active, Event.REBOOT_REQUESTED);
        assertThat(soft.status()).isEqualTo("REBOOT");
        InstanceState hard = apply(soft, Event.HARD_REBOOT_REQUESTED);
        assertThat(hard.status()).isEqualTo("HARD_REBOOT");
        assertThat(apply(hard, Event.REBOOTED)).isEqualTo(active);
        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        assertThat(apply(apply(stopped, Event.HARD_REBOOT_REQUESTED), Event.REBOOTED)).isEqualTo(active);
    }

    @Test
    void aFailedPowerTaskLeavesTheStateAsItWas() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        assertThat(apply(apply(active, Event.STOP_REQUESTED), Event.TASK_ABORTED)).isEqualTo(active);
    }

    @Test
    void anOperationThatDoesNotApplyIsRefusedNamingTheState() {
        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        assertThatThrownBy(() -> Lifecycle.apply(stopped, Event.STOP_REQUESTED, "stop", "i-1"))
                .isInstanceOf(Lifecycle.InvalidState.class)
                .hasMessage("Cannot 'stop' instance i-1 while it is in vm_state stopped");
        InstanceState stopping = state(VmState.ACTIVE, TaskState.POWERING_OFF, PowerState.RUNNING);
        assertThatThrownBy(() -> Lifecycle.apply(stopping, Event.REBOOT_REQUESTED, "reboot", "i-1"))
                .hasMessage("Cannot 'reboot' instance i-1 while it is in task_state powering-off");
        assertThat(Lifecycle.allows(state(VmState.DELETED, null, PowerState.NOSTATE), Event.DELETE_REQUESTED))
                .isFalse();
    }

    @Test
    void pauseAndSuspendRoundTripsEndActive() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        InstanceState paused = apply(apply(active, Event.PAUSE_REQUESTED), Event.PAUSED);
        assertThat(paused).isEqualTo(state(VmState.PAUSED, null, PowerState.PAUSED));
        assertThat(apply(apply(paused, Event.UNPAUSE_REQUESTED), Event.UNPAUSED)).isEqualTo(active);
        InstanceState suspended = apply(apply(active, Event.SUSPEND_REQUESTED), Event.SUSPENDED);
        assertThat(suspended.status()).isEqualTo("SUSPENDED");
        assertThat(apply(apply(suspended, Event.RESUME_REQUESTED), Event.RESUMED)).isEqualTo(active);
    }

    @Test
    void aRescueShowsRescueUntilUnrescuedAndIsRefusedWhilePaused() {
        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        InstanceState rescued = apply(apply(stopped, Event.RESCUE_REQUESTED), Event.RESCUED);
        assertThat(rescued).isEqualTo(state(VmState.RESCUED, null, PowerState.RUNNING));
        assertThat(rescued.status()).isEqualTo("RESCUE");
        assertThat(Lifecycle.allows(rescued, Event.RESCUE_REQUESTED)).isFalse();
        assertThat(Lifecycle.allows(rescued, Event.REBOOT_REQUESTED)).isFalse();
        assertThat(Lifecycle.allows(state(VmState.PAUSED, null, PowerState.PAUSED), Event.RESCUE_REQUESTED))
                .isFalse();
        InstanceState unrescuing = apply(rescued, Event.UNRESCUE_REQUESTED);
        assertThat(apply(unrescuing, Event.TASK_ABORTED)).isEqualTo(rescued);
        assertThat(apply(unrescuing, Event.UNRESCUED)).isEqualTo(state(VmState.ACTIVE, null, PowerState.RUNNING));
    }

    @Test
    void aResizeShowsResizeThenVerifyResizeAndEndsAsTheServerWas() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        InstanceState prep = apply(active, Event.RESIZE_REQUESTED);
        assertThat(prep.status()).isEqualTo("RESIZE");
        assertThat(apply(prep, Event.TASK_ABORTED)).as("no host: as it was").isEqualTo(active);
        InstanceState migrating = apply(prep, Event.RESIZE_SCHEDULED);
        assertThat(migrating.task()).isEqualTo(TaskState.RESIZE_MIGRATING);
        InstanceState resized = apply(migrating, Event.RESIZE_FINISHED);
        assertThat(resized).isEqualTo(state(VmState.RESIZED, null, PowerState.RUNNING));
        assertThat(resized.status()).isEqualTo("VERIFY_RESIZE");
        assertThat(Lifecycle.allows(resized, Event.RESIZE_REQUESTED)).isFalse();
        assertThat(apply(resized, Event.RESIZE_CONFIRMED)).isEqualTo(active);
        InstanceState reverting = apply(resized, Event.REVERT_RESIZE_REQUESTED);
        assertThat(reverting.status()).isEqualTo("REVERT_RESIZE");
        assertThat(Lifecycle.allows(reverting, Event.RESIZE_CONFIRMED)).isFalse();
        assertThat(apply(reverting, Event.RESIZE_REVERTED)).isEqualTo(active);

        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        InstanceState stoppedResized = apply(apply(apply(stopped, Event.RESIZE_REQUESTED), Event.RESIZE_SCHEDULED),
                Event.RESIZE_FINISHED_STOPPED);
        assertThat(stoppedResized).isEqualTo(state(VmState.RESIZED, null, PowerState.SHUTDOWN));
        assertThat(apply(stoppedResized, Event.RESIZE_CONFIRMED_STOPPED)).isEqualTo(stopped);
        assertThat(apply(apply(stoppedResized, Event.REVERT_RESIZE_REQUESTED), Event.RESIZE_REVERTED_STOPPED))
                .isEqualTo(stopped);
        assertThat(Lifecycle.allows(state(VmState.PAUSED, null, PowerState.PAUSED), Event.RESIZE_REQUESTED))
                .isFalse();
    }

    @Test
    void aShelvedServerIsOffloadedAndUnshelvedToActive() {
        InstanceState paused = state(VmState.PAUSED, null, PowerState.PAUSED);
        InstanceState offloaded = apply(apply(paused, Event.SHELVE_REQUESTED), Event.SHELVED_OFFLOADED);
        assertThat(offloaded).isEqualTo(state(VmState.SHELVED_OFFLOADED, null, PowerState.SHUTDOWN));
        InstanceState unshelving = apply(offloaded, Event.UNSHELVE_REQUESTED);
        assertThat(apply(unshelving, Event.TASK_ABORTED)).isEqualTo(offloaded);
        assertThat(apply(unshelving, Event.UNSHELVED)).isEqualTo(state(VmState.ACTIVE, null, PowerState.RUNNING));
        InstanceState shelving = apply(state(VmState.ACTIVE, null, PowerState.RUNNING), Event.SHELVE_REQUESTED);
        assertThat(apply(shelving, Event.TASK_FAILED).vm()).isEqualTo(VmState.ERROR);
    }

    @Test
    void aRebuildKeepsAStoppedServerStoppedAndShowsRebuild() {
        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        InstanceState rebuilding = apply(stopped, Event.REBUILD_REQUESTED);
        assertThat(rebuilding.status()).isEqualTo("REBUILD");
        assertThat(apply(rebuilding, Event.REBUILT_STOPPED)).isEqualTo(stopped);
        InstanceState error = state(VmState.ERROR, null, PowerState.NOSTATE);
        assertThat(apply(apply(error, Event.REBUILD_REQUESTED), Event.REBUILT))
                .isEqualTo(state(VmState.ACTIVE, null, PowerState.RUNNING));
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        assertThat(apply(apply(active, Event.REBUILD_REQUESTED), Event.TASK_FAILED).vm()).isEqualTo(VmState.ERROR);
    }

    @Test
    void aSnapshotIsATaskThatLeavesTheStateAsItWas() {
        InstanceState stopped = state(VmState.STOPPED, null, PowerState.SHUTDOWN);
        InstanceState snapshotting = apply(stopped, Event.SNAPSHOT_REQUESTED);
        assertThat(snapshotting.task()).isEqualTo(TaskState.IMAGE_SNAPSHOT);
        assertThat(snapshotting.status()).isEqualTo("SHUTOFF");
        assertThat(apply(snapshotting, Event.SNAPSHOT_TAKEN)).isEqualTo(stopped);
    }

    @Test
    void anActiveServerItsHostFoundStoppedIsStopped() {
        InstanceState active = state(VmState.ACTIVE, null, PowerState.RUNNING);
        assertThat(apply(active, Event.STOPPED_OUTSIDE)).isEqualTo(state(VmState.STOPPED, null, PowerState.SHUTDOWN));
    }

    @Test
    void anAdminResetSetsTheStateWhateverTheTask() {
        InstanceState spawning = state(VmState.BUILDING, TaskState.SPAWNING, PowerState.NOSTATE);
        assertThat(apply(spawning, Event.RESET_TO_ERROR)).isEqualTo(state(VmState.ERROR, null, PowerState.NOSTATE));
        assertThat(apply(spawning, Event.RESET_TO_ACTIVE).vm()).isEqualTo(VmState.ACTIVE);
    }

    @Test
    void statusFiltersMapBackToVmStates() {
        assertThat(ServerStatus.vmStatesFor("shutoff")).containsExactly(VmState.STOPPED);
        assertThat(ServerStatus.vmStatesFor("NOPE")).isNull();
        assertThat(ServerStatus.matches("REBOOT", VmState.ACTIVE, TaskState.REBOOTING)).isTrue();
        assertThat(ServerStatus.matches("ACTIVE", VmState.ACTIVE, TaskState.REBOOTING)).isFalse();
    }

    /** Fails when a row of the table was never exercised: every transition needs a test. */
    @AfterAll
    static void everyTransitionWasExercised() {
        assertThat(EXERCISED).containsExactlyInAnyOrderElementsOf(Lifecycle.TABLE);
    }
}
