package dev.overcast.compute.scheduler;

/**
 * Reads of a host's aggregate metadata, as Nova's {@code aggregate_metadata_get_by_host} and
 * {@code validate_num_values}: a key's values are the comma-separated elements of that key in every aggregate of
 * the host, and a numeric option takes the smallest of them.
 */
final class AggregateMetadata {
    private AggregateMetadata() {
    }

    /** Whether any aggregate of the host sets {@code key}. */
    static boolean has(HostState host, String key) {
        for (Aggregate a : host.aggregates()) {
            if (a.metadata().containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The smallest number the host's aggregates give {@code key}, or {@code fallback} when none does or any value
     * is not a number (Nova logs and falls back).
     */
    static double min(HostState host, String key, double fallback) {
        double min = Double.NaN;
        for (Aggregate a : host.aggregates()) {
            String value = a.metadata().get(key);
            if (value == null) {
                continue;
            }
            for (String element : value.split(",")) {
                double v = ExtraSpecMatcher.parseOrNaN(element);
                if (Double.isNaN(v)) {
                    return fallback;
                }
                min = Double.isNaN(min) ? v : Math.min(min, v);
            }
        }
        return Double.isNaN(min) ? fallback : min;
    }
}
