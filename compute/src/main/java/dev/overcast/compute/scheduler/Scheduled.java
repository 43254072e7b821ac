package dev.overcast.compute.scheduler;

import java.util.List;

/**
 * Every instance of the request has a host, claimed in Placement.
 *
 * @param instances one selection per instance, in the order of the instance uuids given
 */
public record Scheduled(List<InstanceSelection> instances) implements ScheduleResult {
    public Scheduled {
        instances = List.copyOf(instances);
    }
}
