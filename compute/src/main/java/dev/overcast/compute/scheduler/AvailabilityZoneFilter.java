package dev.overcast.compute.scheduler;

/**
 * Nova's AvailabilityZoneFilter: with a zone asked for, only hosts in it. A host's zones are its aggregates'
 * {@code availability_zone} metadata; a host in none is in {@code default_availability_zone}.
 *
 * @param defaultAvailabilityZone {@code default_availability_zone}
 */
public record AvailabilityZoneFilter(String defaultAvailabilityZone) implements HostFilter {
    @Override
    public String name() {
        return "AvailabilityZoneFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        String zone = request.availabilityZone();
        if (zone == null || zone.isEmpty()) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        FilterResult elsewhere = new FilterResult.Reject("not in availability zone " + zone);
        boolean defaultZone = zone.equals(defaultAvailabilityZone);
        return host -> {
            boolean zoned = false;
            for (Aggregate a : host.aggregates()) {
                String az = a.availabilityZone();
                if (az != null) {
                    zoned = true;
                    if (Csv.contains(az, zone)) {
                        return FilterResult.PASS;
                    }
                }
            }
            return zoned || !defaultZone ? elsewhere : FilterResult.PASS;
        };
    }
}
