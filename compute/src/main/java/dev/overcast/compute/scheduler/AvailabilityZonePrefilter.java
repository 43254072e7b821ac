package dev.overcast.compute.scheduler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Nova's {@code map_az_to_placement_aggregate} ({@code query_placement_for_availability_zone}): a request for a
 * zone asks Placement for members of the zone's aggregates. When no aggregate makes the zone the query is left
 * alone, as in Nova (the zone may be the default one).
 */
public record AvailabilityZonePrefilter() implements RequestFilter {
    @Override
    public String name() {
        return "map_az_to_placement_aggregate";
    }

    @Override
    public Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates) {
        String zone = request.availabilityZone();
        if (zone == null || zone.isEmpty()) {
            return new Prefiltered.Query(query);
        }
        Set<String> uuids = new LinkedHashSet<>();
        for (Aggregate a : aggregates) {
            if (zone.equals(a.availabilityZone())) {
                uuids.add(a.uuid());
            }
        }
        return new Prefiltered.Query(uuids.isEmpty() ? query : query.memberOfAnyOf(uuids));
    }
}
