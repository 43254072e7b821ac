package dev.overcast.compute.scheduler;

import java.util.Map;

/**
 * Nova's AggregateMultiTenancyIsolation: a host in aggregates whose {@code filter_tenant_id} or
 * {@code filter_tenant_id_*} metadata name projects takes only those projects' instances. Hosts in no such
 * aggregate take anyone's. (It keeps other projects out; it does not keep the named projects in.)
 */
public record AggregateMultiTenancyIsolation() implements HostFilter {
    static final String KEY_PREFIX = "filter_tenant_id";

    @Override
    public String name() {
        return "AggregateMultiTenancyIsolation";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        String project = request.projectId();
        FilterResult isolated = new FilterResult.Reject("isolated to other projects");
        return host -> {
            boolean restricted = false;
            for (Aggregate a : host.aggregates()) {
                for (Map.Entry<String, String> e : a.metadata().entrySet()) {
                    if (e.getKey().startsWith(KEY_PREFIX)) {
                        restricted = true;
                        if (Csv.contains(e.getValue(), project)) {
                            return FilterResult.PASS;
                        }
                    }
                }
            }
            return restricted ? isolated : FilterResult.PASS;
        };
    }
}
