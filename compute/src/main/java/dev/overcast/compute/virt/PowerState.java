package dev.overcast.compute.virt;

/** An instance's power state as the hypervisor reports it, with Nova's integer codes. */
public enum PowerState {
    NOSTATE(0), RUNNING(1), PAUSED(3), SHUTDOWN(4), CRASHED(6), SUSPENDED(7);

    private final int code;

    PowerState(int code) {
        this.code = code;
    }

    /** Nova's code, as the {@code power_state} column and the API's {@code OS-EXT-STS:power_state} hold it. */
    public int code() {
        return code;
    }

    /** The state of a code; an unknown code is {@link #NOSTATE}. */
    public static PowerState of(int code) {
        for (PowerState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return NOSTATE;
    }
}
