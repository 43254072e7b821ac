package dev.overcast.compute.services;

import java.util.List;

import dev.overcast.compute.scheduler.Aggregate;

/**
 * The host aggregates a host belongs to, as the aggregates feature keeps them: what the
 * services API needs for a service's zone, and the scheduler's host states for each host.
 */
@FunctionalInterface
public interface HostAggregates {
    /** No aggregates at all: every host is in the default zone. */
    HostAggregates NONE = host -> List.of();

    /** The aggregates {@code host} is in; empty when none. */
    List<Aggregate> ofHost(String host);

    /**
     * Takes {@code host} out of every aggregate, when its compute service is deleted (as Nova's
     * services API does). Nothing by default.
     */
    default void removeHost(String host) {
    }

    /**
     * The availability zone of {@code host}: that of its aggregates (the first by name when
     * several say one), else {@code defaultZone}, as Nova's {@code get_host_availability_zone}.
     */
    default String zoneOf(String host, String defaultZone) {
        return ofHost(host).stream()
                .map(Aggregate::availabilityZone)
                .filter(z -> z != null && !z.isEmpty())
                .sorted()
                .findFirst()
                .orElse(defaultZone);
    }
}
