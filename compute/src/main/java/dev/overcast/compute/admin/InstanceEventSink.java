package dev.overcast.compute.admin;

import java.util.List;

/**
 * Where accepted external events go: to the compute host of each instance, as Nova's API casts
 * them to the host's compute service. The API answers the sender before delivery.
 */
@FunctionalInterface
public interface InstanceEventSink {
    /** Drops every event: nothing on a host waits for one yet. */
    InstanceEventSink NONE = (cellUuid, host, events) -> {
    };

    /** One event for one instance, as the sender named it. */
    record InstanceEvent(String instanceUuid, String name, String status, String tag) {
    }

    /** Delivers {@code events}, all for instances on {@code host} in the cell {@code cellUuid}. */
    void deliver(String cellUuid, String host, List<InstanceEvent> events);
}
