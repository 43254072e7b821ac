package dev.overcast.compute.conductor;

import java.util.Map;

import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.PowerState;

/**
 * What the conductor asks of the compute hosts: the agent's bus API, behind an interface so the
 * workflows read as the steps they take.
 */
public interface ComputeHosts {

    /**
     * Spawns the instance on its host and node; idempotent for an instance already spawned.
     *
     * @throws Refused when the hypervisor refused; {@link Refused#retryable()} says whether
     *                     another host may succeed
     * @throws HostUnreachable when the host did not answer in time
     */
    PowerState spawn(Instance instance, Map<String, String> metadata);

    /** Destroys the instance on {@code host}; nothing to do when it is not there. */
    void destroy(String host, String instanceUuid);

    /**
     * Changes the instance's power state on {@code host}.
     *
     * @throws Refused when the hypervisor refused
     * @throws HostUnreachable when the host did not answer in time
     */
    void power(String host, String instanceUuid, PowerAction action);

    /** What {@link #power} does. */
    enum PowerAction {
        OFF, ON, SOFT_REBOOT, HARD_REBOOT, PAUSE, UNPAUSE, SUSPEND, RESUME, RESCUE, UNRESCUE
    }

    /** The last {@code lines} lines of the console log (all when null). */
    String consoleOutput(String host, String instanceUuid, Integer lines);

    /** The power state of every instance the host runs, by uuid. */
    Map<String, PowerState> powerStates(String host);

    /** Whether the host's compute service is up (reported recently and not forced down). */
    boolean isUp(String host);

    /** A spawn the hypervisor refused. */
    final class Refused extends RuntimeException {
        private final boolean retryable;

        public Refused(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        /** Whether the build may try another host. */
        public boolean retryable() {
            return retryable;
        }
    }

    /** A host that did not answer: the work is tried again later. */
    final class HostUnreachable extends RuntimeException {
        public HostUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
