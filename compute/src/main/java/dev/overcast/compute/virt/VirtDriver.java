package dev.overcast.compute.virt;

import dev.overcast.compute.instances.PowerState;
import java.util.List;

/**
 * A hypervisor driver: what the compute agent asks of the machines it runs instances on.
 *
 * <p>One driver may drive many hosts (one nova-compute service each): a QEMU driver drives
 * the one host it runs on, the fake driver simulates as many as a scale test wants. Every
 * call names the host it is for, and a host only sees its own instances. A host has one
 * node or more (hypervisor hostnames, each a compute node and a resource provider).
 *
 * <p>Calls are idempotent where a retried message must not hurt: spawning an instance the
 * host already runs succeeds without a second instance, destroying one it does not run
 * succeeds. Drivers are called concurrently, from many virtual threads.
 */
public interface VirtDriver {

    /** The hosts this driver drives, in a stable order. */
    List<String> hosts();

    /** The nodes of {@code host} with what their instances use now; empty for an unknown host. */
    List<NodeResources> nodes(String host);

    /**
     * Builds and starts an instance on {@code node} of {@code host}.
     *
     * @param node the node, or null for the host's first
     * @return the instance's power state once started
     * @throws SpawnFailedException when it could not be built; nothing is left behind
     */
    PowerState spawn(String host, String node, InstanceSpec spec);

    /**
     * Takes back an instance the hypervisor was running when its agent stopped (the agent
     * restarted), in {@code state}; nothing to do when the host knows it already.
     */
    void adopt(String host, String node, InstanceSpec spec, PowerState state);

    /** Stops and removes an instance; an instance the host does not run is already gone. */
    void destroy(String host, String uuid);

    /** @throws InstanceNotFoundException when the host does not run it */
    PowerState powerOff(String host, String uuid);

    /** @throws InstanceNotFoundException when the host does not run it */
    PowerState powerOn(String host, String uuid);

    /** Freezes the instance in memory. @throws InstanceNotFoundException when the host does not run it */
    PowerState pause(String host, String uuid);

    /** @throws InstanceNotFoundException when the host does not run it */
    PowerState unpause(String host, String uuid);

    /** Saves the instance's memory to disk and stops it. @throws InstanceNotFoundException when not there */
    PowerState suspend(String host, String uuid);

    /** @throws InstanceNotFoundException when the host does not run it */
    PowerState resume(String host, String uuid);

    /**
     * Boots the instance from a rescue disk, its own disk attached beside it.
     *
     * @throws InstanceNotFoundException when the host does not run it
     */
    PowerState rescue(String host, String uuid);

    /** Boots the instance from its own disk again. @throws InstanceNotFoundException when not there */
    PowerState unrescue(String host, String uuid);

    /**
     * Reboots an instance: {@code hard} resets it, otherwise the guest is asked to restart.
     *
     * @throws InstanceNotFoundException when the host does not run it
     */
    PowerState reboot(String host, String uuid, boolean hard);

    /**
     * The instance's console log (its serial console output), oldest line first.
     *
     * @throws InstanceNotFoundException when the host does not run it
     */
    String consoleOutput(String host, String uuid);

    /** The instances {@code host} runs, with their power states. */
    List<InstanceInfo> instances(String host);

    /**
     * The host's uptime as the {@code uptime} command prints it (Nova's {@code get_host_uptime}),
     * e.g. {@code " 08:32:11 up 93 days, 18:25,  1 user,  load average: 0.20, 0.12, 0.14"}.
     */
    String uptime(String host);
}
