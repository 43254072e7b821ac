package dev.overcast.compute.aggregates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.overcast.compute.scheduler.Aggregate;

/**
 * A host aggregate as the API shows it.
 *
 * @param id        the row id, which the API names aggregates by
 * @param uuid      the aggregate's uuid, which is also its Placement aggregate's uuid
 * @param name      unique among live aggregates
 * @param createdAt when it was created
 * @param updatedAt when its name or metadata last changed, or null
 * @param hosts     its hosts, in the order they were added
 * @param metadata  its metadata, by key; {@code availability_zone} makes it a zone
 */
public record HostAggregate(long id, String uuid, String name, Instant createdAt, Instant updatedAt,
                            List<String> hosts, Map<String, String> metadata) {
    public HostAggregate {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** The zone this aggregate makes, or null. */
    public String availabilityZone() {
        return metadata.get(Aggregate.AVAILABILITY_ZONE);
    }

    /** The scheduler's view of it. */
    public Aggregate toScheduler() {
        return new Aggregate(Math.toIntExact(id), uuid, name, metadata);
    }
}
