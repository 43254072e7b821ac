package dev.overcast.placement.model;

import java.util.List;
import java.util.Set;

/** The standard resource classes (os-resource-classes); custom ones start with {@code CUSTOM_}. */
public final class StandardResourceClasses {
    private StandardResourceClasses() {
    }

    public static final List<String> ALL = List.of("VCPU", "MEMORY_MB", "DISK_GB", "PCI_DEVICE", "SRIOV_NET_VF",
            "NUMA_SOCKET", "NUMA_CORE", "NUMA_THREAD", "NUMA_MEMORY_MB", "IPV4_ADDRESS", "VGPU",
            "VGPU_DISPLAY_HEAD", "NET_BW_EGR_KILOBIT_PER_SEC", "NET_BW_IGR_KILOBIT_PER_SEC", "PCPU",
            "MEM_ENCRYPTION_CONTEXT", "FPGA", "PGPU", "NET_PACKET_RATE_KILOPACKET_PER_SEC",
            "NET_PACKET_RATE_EGR_KILOPACKET_PER_SEC", "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC");

    private static final Set<String> SET = Set.copyOf(ALL);

    public static boolean isStandard(String name) {
        return SET.contains(name);
    }
}
