package dev.overcast.compute.scheduler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's {@code require_tenant_aggregate} ({@code limit_tenants_to_placement_aggregate}): a project that an
 * aggregate names in a {@code filter_tenant_id*} key goes only to the aggregates that name it. A project no
 * aggregate names goes anywhere, unless {@code placement_aggregate_required_for_tenants} refuses it.
 *
 * @param required {@code placement_aggregate_required_for_tenants}
 */
public record TenantAggregatePrefilter(boolean required) implements RequestFilter {
    @Override
    public String name() {
        return "require_tenant_aggregate";
    }

    @Override
    public Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates) {
        Set<String> uuids = new LinkedHashSet<>();
        for (Aggregate a : aggregates) {
            for (Map.Entry<String, String> e : a.metadata().entrySet()) {
                if (e.getKey().startsWith(AggregateMultiTenancyIsolation.KEY_PREFIX)
                        && e.getValue().equals(request.projectId())) {
                    uuids.add(a.uuid());
                }
            }
        }
        if (!uuids.isEmpty()) {
            return new Prefiltered.Query(query.memberOfAnyOf(uuids));
        }
        if (required) {
            return new Prefiltered.Refused(name(), "no aggregate is set aside for project " + request.projectId());
        }
        return new Prefiltered.Query(query);
    }
}
