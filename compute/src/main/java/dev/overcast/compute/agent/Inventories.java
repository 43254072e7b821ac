package dev.overcast.compute.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.overcast.compute.placement.BusReportClient.InventoryArgs;
import dev.overcast.compute.placement.BusReportClient.ProviderReport;
import dev.overcast.compute.virt.NodeResources;

/**
 * What a compute node is to Placement, as Nova's resource tracker reports it: VCPU, MEMORY_MB
 * and DISK_GB inventories with Nova's default allocation ratios and host reservation, and
 * traits for what the node can do plus {@code COMPUTE_STATUS_DISABLED} while its service is
 * disabled. Pure: the agent and the scheduler's host states read the same numbers here.
 */
public final class Inventories {
    private Inventories() {
    }

    /** {@code initial_cpu_allocation_ratio}. */
    public static final double CPU_ALLOCATION_RATIO = 4.0;
    /** {@code initial_ram_allocation_ratio}. */
    public static final double RAM_ALLOCATION_RATIO = 1.0;
    /** {@code initial_disk_allocation_ratio}. */
    public static final double DISK_ALLOCATION_RATIO = 1.0;
    /** {@code reserved_host_memory_mb}: RAM the host keeps for itself. */
    public static final int RESERVED_HOST_MEMORY_MB = 512;
    /** The trait of a node whose compute service an operator disabled. */
    public static final String DISABLED_TRAIT = "COMPUTE_STATUS_DISABLED";

    /**
     * The node's inventories. Each resource's {@code max_unit} is its total, as Nova sets it;
     * a resource the node has none of is left out, and the host's RAM reservation is cut down
     * on a node too small to hold it, so that every inventory stays valid.
     */
    public static Map<String, InventoryArgs> of(NodeResources n) {
        Map<String, InventoryArgs> out = new LinkedHashMap<>();
        put(out, "VCPU", n.vcpus(), 0, CPU_ALLOCATION_RATIO);
        put(out, "MEMORY_MB", n.memoryMb(), reservedMemory(n.memoryMb()), RAM_ALLOCATION_RATIO);
        put(out, "DISK_GB", n.localGb(), 0, DISK_ALLOCATION_RATIO);
        return out;
    }

    private static void put(Map<String, InventoryArgs> out, String rc, int total, int reserved, double ratio) {
        if (total > 0) {
            out.put(rc, new InventoryArgs(total, (long) reserved, 1L, (long) total, 1L, ratio));
        }
    }

    /** The RAM the host reserves on a node of {@code memoryMb}. */
    public static int reservedMemory(int memoryMb) {
        return Math.max(0, Math.min(RESERVED_HOST_MEMORY_MB, memoryMb - 1));
    }

    /**
     * The whole report of a node: created if missing (named after its hypervisor hostname),
     * its inventories, its capability traits, and the disabled trait added or removed.
     */
    public static ProviderReport report(String providerUuid, NodeResources n, boolean disabled) {
        Set<String> add = new TreeSet<>(n.traits());
        if (disabled) {
            add.add(DISABLED_TRAIT);
        }
        return new ProviderReport(providerUuid, n.node(), of(n), add, disabled ? Set.of() : Set.of(DISABLED_TRAIT));
    }
}
