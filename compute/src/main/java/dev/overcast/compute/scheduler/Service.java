package dev.overcast.compute.scheduler;

/**
 * The state of a host's nova-compute service.
 *
 * @param enabled        whether an operator left the service enabled
 * @param up             whether the service reported in recently
 * @param disabledReason why it was disabled, or null
 */
public record Service(boolean enabled, boolean up, String disabledReason) {
    /** An enabled service that is up. */
    public static final Service UP = new Service(true, true, null);
}
