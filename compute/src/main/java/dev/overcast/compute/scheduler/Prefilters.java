package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request into a Placement query: the resources and traits the flavor and image ask for (Nova's
 * {@code ResourceRequest.from_request_spec}), then the enabled pre-filters in Nova's order.
 *
 * <p>Only the unnumbered request group is read: numbered groups ({@code resources1:}, {@code trait2:}) are
 * ignored.
 */
public final class Prefilters {
    private static final String RESOURCES = "resources:";
    private static final String TRAIT = "trait:";

    private Prefilters() {
    }

    /** The pre-filters the settings enable, in Nova's order; {@code compute_status_filter} is always on. */
    public static List<RequestFilter> enabled(SchedulerSettings settings) {
        List<RequestFilter> filters = new ArrayList<>();
        if (settings.limitTenantsToPlacementAggregate()) {
            filters.add(new TenantAggregatePrefilter(settings.placementAggregateRequiredForTenants()));
        }
        if (settings.queryPlacementForAvailabilityZone()) {
            filters.add(new AvailabilityZonePrefilter());
        }
        if (settings.queryPlacementForImageTypeSupport()) {
            filters.add(new ImageTypePrefilter());
        }
        filters.add(new DisabledComputePrefilter());
        if (settings.enableIsolatedAggregateFiltering()) {
            filters.add(new IsolatedAggregatesPrefilter());
        }
        return List.copyOf(filters);
    }

    /** The query for {@code request} after every enabled pre-filter, or the first refusal. */
    public static Prefiltered apply(RequestSpec request, SchedulerSettings settings, List<Aggregate> aggregates) {
        PlacementQuery query = baseQuery(request, settings);
        for (RequestFilter filter : enabled(settings)) {
            Prefiltered result = filter.apply(request, query, aggregates);
            switch (result) {
                case Prefiltered.Refused refused -> {
                    return refused;
                }
                case Prefiltered.Query next -> query = next.query();
            }
        }
        return new Prefiltered.Query(query);
    }

    /**
     * The query before pre-filters: resources, {@code trait:} extra specs and image properties, and the limit.
     * The limit is dropped when hosts are forced or the request has affinity hints, because then the hosts that
     * matter might fall outside Placement's first {@code max_placement_results} answers (as in Nova).
     */
    public static PlacementQuery baseQuery(RequestSpec request, SchedulerSettings settings) {
        Set<String> required = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>();
        request.flavor().extraSpecs().forEach((key, value) -> trait(key, value, required, forbidden));
        request.imageProperties().forEach((key, value) -> trait(key, value, required, forbidden));
        boolean unlimited = request.forced() || request.instanceGroup() != null
                || !request.hint("group").isEmpty() || !request.hint("same_host").isEmpty()
                || !request.hint("different_host").isEmpty();
        return new PlacementQuery(resources(request), required, forbidden, List.of(), Set.of(), null,
                unlimited ? null : settings.maxPlacementResults());
    }

    private static void trait(String key, String value, Set<String> required, Set<String> forbidden) {
        if (!key.startsWith(TRAIT)) {
            return;
        }
        String name = key.substring(TRAIT.length());
        if ("required".equals(value)) {
            required.add(name);
        } else if ("forbidden".equals(value)) {
            forbidden.add(name);
        }
    }

    /**
     * The resources a request asks for: {@code VCPU}, {@code MEMORY_MB} and {@code DISK_GB} (root + ephemeral +
     * swap rounded up to GiB) from the flavor, then {@code resources:RC=N} extra specs, which override or add
     * classes; 0 removes a class. Values that are not whole numbers are ignored (the API validates them).
     */
    public static Map<String, Long> resources(RequestSpec request) {
        Flavor f = request.flavor();
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("VCPU", (long) f.vcpus());
        amounts.put("MEMORY_MB", (long) f.memoryMb());
        amounts.put("DISK_GB", f.diskGb());
        f.extraSpecs().forEach((key, value) -> {
            if (key.startsWith(RESOURCES)) {
                try {
                    amounts.put(key.substring(RESOURCES.length()), Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    // Ignored, as documented: the flavor API rejects such values.
                }
            }
        });
        amounts.values().removeIf(n -> n <= 0);
        return amounts;
    }
}
