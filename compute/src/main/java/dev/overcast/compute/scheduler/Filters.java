package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The filters Overcast knows, by Nova's names, and the list {@code enabled_filters} makes of them. */
public final class Filters {
    private static final Map<String, Function<SchedulerSettings, HostFilter>> KNOWN = known();

    private Filters() {
    }

    private static Map<String, Function<SchedulerSettings, HostFilter>> known() {
        Map<String, Function<SchedulerSettings, HostFilter>> m = new LinkedHashMap<>();
        m.put("ComputeFilter", s -> new ComputeFilter());
        m.put("ComputeCapabilitiesFilter", s -> new ComputeCapabilitiesFilter());
        m.put("ImagePropertiesFilter", s -> new ImagePropertiesFilter(s.imagePropertiesDefaultArchitecture()));
        m.put("ServerGroupAntiAffinityFilter", s -> new ServerGroupAntiAffinityFilter());
        m.put("ServerGroupAffinityFilter", s -> new ServerGroupAffinityFilter());
        m.put("AggregateInstanceExtraSpecsFilter", s -> new AggregateInstanceExtraSpecsFilter());
        m.put("AggregateMultiTenancyIsolation", s -> new AggregateMultiTenancyIsolation());
        m.put("AvailabilityZoneFilter", s -> new AvailabilityZoneFilter(s.defaultAvailabilityZone()));
        m.put("SameHostFilter", s -> new SameHostFilter());
        m.put("DifferentHostFilter", s -> new DifferentHostFilter());
        m.put("NumInstancesFilter", s -> new NumInstancesFilter(s.maxInstancesPerHost()));
        m.put("IoOpsFilter", s -> new IoOpsFilter(s.maxIoOpsPerHost()));
        m.put("AggregateNumInstancesFilter", s -> new AggregateNumInstancesFilter(s.maxInstancesPerHost()));
        m.put("AggregateIoOpsFilter", s -> new AggregateIoOpsFilter(s.maxIoOpsPerHost()));
        return Map.copyOf(m);
    }

    /** The names of every filter Overcast has. */
    public static List<String> knownNames() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    /** The enabled filters, in the order {@code enabled_filters} lists them. */
    public static List<HostFilter> enabled(SchedulerSettings settings) {
        List<HostFilter> filters = new ArrayList<>();
        for (String name : settings.enabledFilters()) {
            filters.add(KNOWN.get(name).apply(settings));
        }
        return List.copyOf(filters);
    }

    static void checkNames(List<String> names) {
        for (String name : names) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("enabled_filters names an unknown filter " + name
                        + "; known: " + String.join(", ", knownNames()));
            }
        }
    }
}
