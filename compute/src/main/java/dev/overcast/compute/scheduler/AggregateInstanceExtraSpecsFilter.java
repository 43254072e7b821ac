package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Nova's AggregateInstanceExtraSpecsFilter: the flavor's unscoped and {@code aggregate_instance_extra_specs:}
 * extra specs must each match a value the host's aggregates set for the key (values are comma-separated; the
 * operators are ComputeCapabilitiesFilter's). A key no aggregate of the host sets fails the host.
 */
public record AggregateInstanceExtraSpecsFilter() implements HostFilter {
    private static final String SCOPE = "aggregate_instance_extra_specs";

    @Override
    public String name() {
        return "AggregateInstanceExtraSpecsFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        List<Requirement> requirements = new ArrayList<>();
        request.flavor().extraSpecs().forEach((key, value) -> {
            String metadataKey = metadataKey(key);
            if (metadataKey != null) {
                requirements.add(new Requirement(metadataKey, ExtraSpecMatcher.parse(value),
                        new FilterResult.Reject("no aggregate sets " + metadataKey),
                        new FilterResult.Reject("aggregate " + metadataKey + " is not " + value)));
            }
        });
        return HostCheck.allOf(requirements);
    }

    /** The metadata key an extra spec key names, or null when the key belongs to another scope. */
    static String metadataKey(String key) {
        return ExtraSpecMatcher.scopedKey(key, SCOPE);
    }

    private record Requirement(String key, ExtraSpecMatcher matcher, FilterResult missing, FilterResult mismatch)
            implements HostCheck {
        @Override
        public FilterResult check(HostState host) {
            boolean seen = false;
            for (Aggregate a : host.aggregates()) {
                String value = a.metadata().get(key);
                if (value != null) {
                    seen = true;
                    if (Csv.anyMatches(value, matcher)) {
                        return FilterResult.PASS;
                    }
                }
            }
            return seen ? mismatch : missing;
        }
    }
}
