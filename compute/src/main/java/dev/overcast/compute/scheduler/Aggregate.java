package dev.overcast.compute.scheduler;

import java.util.Map;
import java.util.Objects;

/**
 * A host aggregate. Its availability zone is its {@code availability_zone} metadata, as in Nova.
 *
 * @param id       the aggregate's id
 * @param uuid     the aggregate's uuid, which Placement's {@code member_of} names
 * @param name     the aggregate's name
 * @param metadata the aggregate's metadata
 */
public record Aggregate(int id, String uuid, String name, Map<String, String> metadata) {
    /** The metadata key that makes an aggregate an availability zone. */
    public static final String AVAILABILITY_ZONE = "availability_zone";

    public Aggregate {
        Objects.requireNonNull(uuid, "uuid");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The availability zone this aggregate makes, or null. */
    public String availabilityZone() {
        return metadata.get(AVAILABILITY_ZONE);
    }
}
