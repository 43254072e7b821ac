package dev.overcast.compute.agent;

import dev.overcast.compute.instances.PowerState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Method;

/**
 * What the conductor and the API call on a host's compute agent, over the bus ({@link AgentRpc}).
 * Every method is a call on topic {@code compute}, server {@code host}.
 *
 * <p>Failures are the bus's: a {@link dev.overcast.core.bus.RemoteError} when the agent
 * refused (its {@code retryable()} is true when a failed spawn may be tried on another host;
 * its {@code className()} ends in {@code InstanceNotFoundException} when the host does not run
 * the instance), a {@link dev.overcast.core.bus.CallTimeoutException} when no agent answered.
 */
public final class AgentClient {
    private final Bus bus;
    private final Duration timeout;

    /** @param timeout how long a call waits for the agent (a spawn included) */
    public AgentClient(Bus bus, Duration timeout) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Builds and starts an instance on {@code host}, on {@code node} (null for the host's first).
     * Spawning an instance the host already runs succeeds again.
     */
    public PowerState spawn(String host, String node, InstanceSpec spec) {
        return powerState(host, AgentRpc.SPAWN, new AgentRpc.SpawnArgs(node, spec));
    }

    /** Removes an instance from its host; one the host does not run is already gone. */
    public void destroy(String host, String uuid) {
        bus.call(AgentRpc.host(host), AgentRpc.DESTROY, new AgentRpc.InstanceArgs(uuid), Void.class, timeout);
    }

    public PowerState powerOff(String host, String uuid) {
        return powerState(host, AgentRpc.POWER_OFF, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState powerOn(String host, String uuid) {
        return powerState(host, AgentRpc.POWER_ON, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState pause(String host, String uuid) {
        return powerState(host, AgentRpc.PAUSE, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState unpause(String host, String uuid) {
        return powerState(host, AgentRpc.UNPAUSE, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState suspend(String host, String uuid) {
        return powerState(host, AgentRpc.SUSPEND, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState resume(String host, String uuid) {
        return powerState(host, AgentRpc.RESUME, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState rescue(String host, String uuid) {
        return powerState(host, AgentRpc.RESCUE, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState unrescue(String host, String uuid) {
        return powerState(host, AgentRpc.UNRESCUE, new AgentRpc.InstanceArgs(uuid));
    }

    public PowerState reboot(String host, String uuid, boolean hard) {
        return powerState(host, AgentRpc.REBOOT, new AgentRpc.RebootArgs(uuid, hard));
    }

    /** The instance's console log; with {@code length}, only its last that many lines. */
    public String consoleOutput(String host, String uuid, Integer length) {
        return bus.call(AgentRpc.host(host), AgentRpc.CONSOLE_OUTPUT, new AgentRpc.ConsoleArgs(uuid, length),
                AgentRpc.ConsoleReply.class, timeout).output();
    }

    /** The instances {@code host} runs, with their power states. */
    public List<InstanceInfo> instances(String host) {
        return bus.call(AgentRpc.host(host), AgentRpc.LIST_INSTANCES, new AgentRpc.NoArgs(),
                AgentRpc.InstancesReply.class, timeout).instances();
    }

    /** The host's uptime line, as the {@code uptime} command prints it. */
    public String uptime(String host) {
        return uptime(host, timeout);
    }

    /** As {@link #uptime(String)}, waiting at most {@code wait}. */
    public String uptime(String host, Duration wait) {
        return bus.call(AgentRpc.host(host), AgentRpc.HOST_UPTIME, new AgentRpc.NoArgs(), AgentRpc.UptimeReply.class,
                wait).uptime();
    }

    private PowerState powerState(String host, Method method, Object args) {
        return bus.call(AgentRpc.host(host), method, args, AgentRpc.PowerStateReply.class, timeout).powerState();
    }
}
