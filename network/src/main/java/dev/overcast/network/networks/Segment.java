package dev.overcast.network.networks;

import java.util.List;

import dev.overcast.network.NeutronErrors;

/**
 * A network's provider segment, as ML2 would allocate it; the data plane is simulated, so this
 * is bookkeeping that keeps segments unique and gives each type its MTU.
 *
 * @param type            vxlan (the tenant default), geneve, vlan, flat or local
 * @param physicalNetwork the physical network of vlan and flat segments, else null
 * @param segmentationId  the VNI or VLAN id, else null
 */
record Segment(String type, String physicalNetwork, Integer segmentationId) {
    static final List<String> TYPES = List.of("vxlan", "geneve", "vlan", "flat", "local");
    private static final int MAX_VLAN = 4094;
    private static final int MAX_VNI = (1 << 24) - 1;

    /** Checks a requested segment as ML2's type drivers do; {@code segmentationId} may still be null (to allocate). */
    static Segment requested(String type, String physicalNetwork, Integer segmentationId) {
        if (!TYPES.contains(type)) {
            throw NeutronErrors.invalidInput("network_type value '" + type + "' not supported");
        }
        switch (type) {
            case "vlan" -> {
                if (physicalNetwork == null) {
                    throw NeutronErrors.invalidInput("physical_network required for VLAN provider network");
                }
                if (segmentationId != null && (segmentationId < 1 || segmentationId > MAX_VLAN)) {
                    throw NeutronErrors.invalidInput("segmentation_id out of range (1 through " + MAX_VLAN + ")");
                }
            }
            case "flat" -> {
                if (physicalNetwork == null) {
                    throw NeutronErrors.invalidInput("physical_network required for flat provider network");
                }
                if (segmentationId != null) {
                    throw NeutronErrors.invalidInput("segmentation_id prohibited for flat provider network");
                }
            }
            case "local" -> {
                if (physicalNetwork != null || segmentationId != null) {
                    throw NeutronErrors.invalidInput((physicalNetwork != null ? "physical_network" : "segmentation_id")
                            + " prohibited for local provider network");
                }
            }
            default -> {
                if (physicalNetwork != null) {
                    throw NeutronErrors.invalidInput("provider:physical_network specified for " + type.toUpperCase()
                            + " network");
                }
                if (segmentationId != null && (segmentationId < 1 || segmentationId > MAX_VNI)) {
                    throw NeutronErrors.invalidInput("segmentation_id out of range (1 through " + MAX_VNI + ")");
                }
            }
        }
        return new Segment(type, physicalNetwork, segmentationId);
    }

    boolean needsId() {
        return segmentationId == null && (type.equals("vlan") || type.equals("vxlan") || type.equals("geneve"));
    }

    int maxId() {
        return type.equals("vlan") ? MAX_VLAN : MAX_VNI;
    }

    /** The unique key of the segment (null for local, which any number of networks share). */
    String key() {
        if (type.equals("local")) {
            return null;
        }
        return type + ":" + (physicalNetwork == null ? "" : physicalNetwork) + ":"
                + (segmentationId == null ? "" : segmentationId);
    }

    /** The largest MTU the segment carries: the physical MTU less the encapsulation's overhead. */
    int maxMtu(int physicalMtu) {
        return switch (type) {
            case "vxlan" -> physicalMtu - 50;
            case "geneve" -> physicalMtu - 58;
            default -> physicalMtu;
        };
    }

    /** The 409 ML2 gives when the segment is taken. */
    RuntimeException inUse() {
        return switch (type) {
            case "vlan" -> NeutronErrors.conflict("VlanIdInUse", "Unable to create the network. The VLAN "
                    + segmentationId + " on physical network " + physicalNetwork + " is in use.");
            case "flat" -> NeutronErrors.conflict("FlatNetworkInUse",
                    "Unable to create the flat network. Physical network " + physicalNetwork + " is in use.");
            default -> NeutronErrors.conflict("TunnelIdInUse",
                    "Unable to create the network. The tunnel ID " + segmentationId + " is in use.");
        };
    }
}
