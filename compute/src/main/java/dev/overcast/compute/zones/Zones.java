package dev.overcast.compute.zones;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which zone each service is in, and which zones are available: Nova's
 * {@code availability_zones.set_availability_zones} and {@code get_availability_zones}, pure.
 *
 * <p>A compute service is in the zone of its host's aggregates, else in the default zone; every
 * other service (conductor, scheduler) is in the internal zone. A zone is available when an
 * enabled service is in it, and not available when only disabled ones are. Zones are not stored
 * anywhere: a zone no service is in does not exist.
 */
public final class Zones {
    /** {@code [DEFAULT] internal_service_availability_zone}: the zone of services other than compute. */
    public static final String INTERNAL = "internal";

    /** One service with the zone it is in. */
    public record Placed(ServiceRecord service, String zone) {
    }

    private final List<Placed> services;

    private Zones(List<Placed> services) {
        this.services = services;
    }

    /**
     * @param zoneOfComputeHost the zone of a compute host from its aggregates, or null for none
     * @param defaultZone       the zone of compute hosts in no zone aggregate
     */
    public static Zones of(List<ServiceRecord> services, Function<String, String> zoneOfComputeHost,
                           String defaultZone) {
        List<Placed> placed = new ArrayList<>(services.size());
        for (ServiceRecord s : services) {
            String zone = INTERNAL;
            if (s.isCompute()) {
                String fromAggregates = zoneOfComputeHost.apply(s.host());
                zone = fromAggregates != null ? fromAggregates : defaultZone;
            }
            placed.add(new Placed(s, zone));
        }
        return new Zones(List.copyOf(placed));
    }

    public List<Placed> services() {
        return services;
    }

    /** Zones an enabled service is in, sorted. */
    public List<String> available() {
        TreeSet<String> out = new TreeSet<>();
        services.stream().filter(p -> !p.service().disabled()).forEach(p -> out.add(p.zone()));
        return List.copyOf(out);
    }

    /** Zones only disabled services are in, sorted. */
    public List<String> notAvailable() {
        List<String> available = available();
        TreeSet<String> out = new TreeSet<>();
        services.stream().filter(p -> p.service().disabled() && !available.contains(p.zone()))
                .forEach(p -> out.add(p.zone()));
        return List.copyOf(out);
    }

    /**
     * The enabled services of {@code zone} by host, leaving out the API services, which Nova does
     * not list since they do not report in as the others do.
     */
    public Map<String, List<ServiceRecord>> enabledByHost(String zone) {
        Map<String, List<ServiceRecord>> out = new TreeMap<>();
        for (Placed p : services) {
            ServiceRecord s = p.service();
            if (s.disabled() || !p.zone().equals(zone) || s.binary().equals("nova-osapi_compute")
                    || s.binary().equals("nova-metadata")) {
                continue;
            }
            out.computeIfAbsent(s.host(), h -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
