package dev.overcast.compute.instances;

/** Nova's {@code vm_state}: what an instance is, stably, between tasks. */
public enum VmState {
    BUILDING("building"), ACTIVE("active"), STOPPED("stopped"), PAUSED("paused"), SUSPENDED("suspended"),
    RESCUED("rescued"), RESIZED("resized"), SHELVED("shelved"), SHELVED_OFFLOADED("shelved_offloaded"),
    SOFT_DELETED("soft-delete"), DELETED("deleted"), ERROR("error");

    private final String value;

    VmState(String value) {
        this.value = value;
    }

    /** The value as stored and as the API shows it ({@code OS-EXT-STS:vm_state}). */
    public String value() {
        return value;
    }

    public static VmState of(String value) {
        for (VmState s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown vm_state " + value);
    }
}
