package dev.overcast.compute.scheduler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's {@code isolate_aggregates} ({@code enable_isolated_aggregate_filtering}): an aggregate whose metadata
 * requires a trait ({@code trait:CUSTOM_X=required}) keeps out every request that does not require that trait.
 */
public record IsolatedAggregatesPrefilter() implements RequestFilter {
    @Override
    public String name() {
        return "isolate_aggregates";
    }

    @Override
    public Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates) {
        Set<String> isolated = new LinkedHashSet<>();
        for (Aggregate a : aggregates) {
            for (Map.Entry<String, String> e : a.metadata().entrySet()) {
                if (e.getKey().startsWith("trait:") && "required".equals(e.getValue())
                        && !query.requiredTraits().contains(e.getKey().substring("trait:".length()))) {
                    isolated.add(a.uuid());
                }
            }
        }
        return new Prefiltered.Query(isolated.isEmpty() ? query : query.notMemberOf(isolated));
    }
}
