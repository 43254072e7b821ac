package dev.overcast.compute.virt;

import dev.overcast.compute.instances.PowerState;

/**
 * An instance a driver runs, as it reports it.
 *
 * @param uuid       the instance's uuid
 * @param name       its name on the hypervisor
 * @param host       the host it runs on
 * @param node       the node it runs on
 * @param powerState its power state
 * @param flavor     what it takes of the node
 */
public record InstanceInfo(String uuid, String name, String host, String node, PowerState powerState,
                           InstanceFlavor flavor) {
}
