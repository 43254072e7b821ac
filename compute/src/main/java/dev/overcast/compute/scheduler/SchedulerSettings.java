package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * The scheduler's options, each named as in Nova's {@code [scheduler]} and {@code [filter_scheduler]} sections
 * and with Nova's default.
 *
 * @param enabledFilters                    {@code enabled_filters}: filters run, in order; default ComputeFilter,
 *                                          ComputeCapabilitiesFilter, ImagePropertiesFilter,
 *                                          ServerGroupAntiAffinityFilter, ServerGroupAffinityFilter
 * @param weighers                          {@code weight_classes}: weighers applied; default all of them
 * @param ramWeightMultiplier               {@code ram_weight_multiplier}, default 1.0 (spread by free RAM)
 * @param cpuWeightMultiplier               {@code cpu_weight_multiplier}, default 1.0 (spread by free vCPUs)
 * @param diskWeightMultiplier              {@code disk_weight_multiplier}, default 1.0 (spread by free disk)
 * @param ioOpsWeightMultiplier             {@code io_ops_weight_multiplier}, default -1.0 (prefer idle hosts)
 * @param numInstancesWeightMultiplier      {@code num_instances_weight_multiplier}, default 0.0 (ignored)
 * @param softAffinityWeightMultiplier      {@code soft_affinity_weight_multiplier}, default 1.0
 * @param softAntiAffinityWeightMultiplier  {@code soft_anti_affinity_weight_multiplier}, default 1.0
 * @param buildFailureWeightMultiplier      {@code build_failure_weight_multiplier}, default 1,000,000.0
 * @param hostSubsetSize                    {@code host_subset_size}: the chosen host is drawn at random among
 *                                          this many best hosts; default 1 (always the best)
 * @param maxAttempts                       {@code max_attempts}: the chosen host and its alternates together;
 *                                          default 3
 * @param maxPlacementResults               {@code max_placement_results}: the limit asked of Placement;
 *                                          default 1000
 * @param maxInstancesPerHost               {@code max_instances_per_host} for NumInstancesFilter; default 50
 * @param maxIoOpsPerHost                   {@code max_io_ops_per_host} for IoOpsFilter; default 8
 * @param queryPlacementForAvailabilityZone {@code query_placement_for_availability_zone}: ask Placement for the
 *                                          zone's aggregates; default true
 * @param queryPlacementForImageTypeSupport {@code query_placement_for_image_type_support}: require the
 *                                          {@code COMPUTE_IMAGE_TYPE_*} trait of the image's disk format;
 *                                          default false
 * @param limitTenantsToPlacementAggregate  {@code limit_tenants_to_placement_aggregate}: send a project to the
 *                                          aggregates that name it in {@code filter_tenant_id*}; default false
 * @param placementAggregateRequiredForTenants {@code placement_aggregate_required_for_tenants}: refuse a project no
 *                                          aggregate names; default false
 * @param enableIsolatedAggregateFiltering  {@code enable_isolated_aggregate_filtering}: keep requests away from
 *                                          aggregates that require traits they do not ask for; default false
 * @param defaultAvailabilityZone           {@code default_availability_zone}: the zone of hosts in no zone;
 *                                          default {@code nova}
 * @param imagePropertiesDefaultArchitecture {@code image_properties_default_architecture}: the architecture
 *                                          assumed for images without one; default null (none)
 */
public record SchedulerSettings(List<String> enabledFilters, List<String> weighers, double ramWeightMultiplier,
                                double cpuWeightMultiplier, double diskWeightMultiplier,
                                double ioOpsWeightMultiplier, double numInstancesWeightMultiplier,
                                double softAffinityWeightMultiplier, double softAntiAffinityWeightMultiplier,
                                double buildFailureWeightMultiplier, int hostSubsetSize, int maxAttempts,
                                int maxPlacementResults, int maxInstancesPerHost, int maxIoOpsPerHost,
                                boolean queryPlacementForAvailabilityZone,
                                boolean queryPlacementForImageTypeSupport,
                                boolean limitTenantsToPlacementAggregate,
                                boolean placementAggregateRequiredForTenants,
                                boolean enableIsolatedAggregateFiltering, String defaultAvailabilityZone,
                                String imagePropertiesDefaultArchitecture) {

    /** Nova's default {@code enabled_filters}. */
    public static final List<String> DEFAULT_FILTERS = List.of("ComputeFilter", "ComputeCapabilitiesFilter",
            "ImagePropertiesFilter", "ServerGroupAntiAffinityFilter", "ServerGroupAffinityFilter");

    public SchedulerSettings {
        enabledFilters = List.copyOf(Objects.requireNonNull(enabledFilters, "enabledFilters"));
        weighers = List.copyOf(Objects.requireNonNull(weighers, "weighers"));
        atLeast("host_subset_size", hostSubsetSize, 1);
        atLeast("max_attempts", maxAttempts, 1);
        atLeast("max_placement_results", maxPlacementResults, 1);
        atLeast("max_instances_per_host", maxInstancesPerHost, 0);
        atLeast("max_io_ops_per_host", maxIoOpsPerHost, 0);
        Objects.requireNonNull(defaultAvailabilityZone, "defaultAvailabilityZone");
        // Unknown names fail here, at start, rather than on the first request.
        Filters.checkNames(enabledFilters);
        Weighers.checkNames(weighers);
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be " + min + " or more, got " + value);
        }
    }

    /** Nova's defaults. */
    public static SchedulerSettings defaults() {
        return builder().build();
    }

    /** A builder starting from Nova's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabledFilters = enabledFilters;
        b.weighers = weighers;
        b.ramWeightMultiplier = ramWeightMultiplier;
        b.cpuWeightMultiplier = cpuWeightMultiplier;
        b.diskWeightMultiplier = diskWeightMultiplier;
        b.ioOpsWeightMultiplier = ioOpsWeightMultiplier;
        b.numInstancesWeightMultiplier = numInstancesWeightMultiplier;
        b.softAffinityWeightMultiplier = softAffinityWeightMultiplier;
        b.softAntiAffinityWeightMultiplier = softAntiAffinityWeightMultiplier;
        b.buildFailureWeightMultiplier = buildFailureWeightMultiplier;
        b.hostSubsetSize = hostSubsetSize;
        b.maxAttempts = maxAttempts;
        b.maxPlacementResults = maxPlacementResults;
        b.maxInstancesPerHost = maxInstancesPerHost;
        b.maxIoOpsPerHost = maxIoOpsPerHost;
        b.queryPlacementForAvailabilityZone = queryPlacementForAvailabilityZone;
        b.queryPlacementForImageTypeSupport = queryPlacementForImageTypeSupport;
        b.limitTenantsToPlacementAggregate = limitTenantsToPlacementAggregate;
        b.placementAggregateRequiredForTenants = placementAggregateRequiredForTenants;
        b.enableIsolatedAggregateFiltering = enableIsolatedAggregateFiltering;
        b.defaultAvailabilityZone = defaultAvailabilityZone;
        b.imagePropertiesDefaultArchitecture = imagePropertiesDefaultArchitecture;
        return b;
    }

    /** Builds settings option by option; each setter is named after the record component it sets. */
    public static final class Builder {
        private List<String> enabledFilters = DEFAULT_FILTERS;
        private List<String> weighers = Weighers.ALL;
        private double ramWeightMultiplier = 1.0;
        private double cpuWeightMultiplier = 1.0;
        private double diskWeightMultiplier = 1.0;
        private double ioOpsWeightMultiplier = -1.0;
        private double numInstancesWeightMultiplier = 0.0;
        private double softAffinityWeightMultiplier = 1.0;
        private double softAntiAffinityWeightMultiplier = 1.0;
        private double buildFailureWeightMultiplier = 1_000_000.0;
        private int hostSubsetSize = 1;
        private int maxAttempts = 3;
        private int maxPlacementResults = 1000;
        private int maxInstancesPerHost = 50;
        private int maxIoOpsPerHost = 8;
        private boolean queryPlacementForAvailabilityZone = true;
        private boolean queryPlacementForImageTypeSupport;
        private boolean limitTenantsToPlacementAggregate;
        private boolean placementAggregateRequiredForTenants;
        private boolean enableIsolatedAggregateFiltering;
        private String defaultAvailabilityZone = "nova";
        private String imagePropertiesDefaultArchitecture;

        private Builder() {
        }

        public Builder enabledFilters(List<String> v) { enabledFilters = v; return this; }
        public Builder enabledFilters(String... v) { enabledFilters = List.of(v); return this; }
        public Builder weighers(List<String> v) { weighers = v; return this; }
        public Builder weighers(String... v) { weighers = List.of(v); return this; }
        public Builder ramWeightMultiplier(double v) { ramWeightMultiplier = v; return this; }
        public Builder cpuWeightMultiplier(double v) { cpuWeightMultiplier = v; return this; }
        public Builder diskWeightMultiplier(double v) { diskWeightMultiplier = v; return this; }
        public Builder ioOpsWeightMultiplier(double v) { ioOpsWeightMultiplier = v; return this; }
        public Builder numInstancesWeightMultiplier(double v) { numInstancesWeightMultiplier = v; return this; }
        public Builder softAffinityWeightMultiplier(double v) { softAffinityWeightMultiplier = v; return this; }
        public Builder softAntiAffinityWeightMultiplier(double v) { softAntiAffinityWeightMultiplier = v; return this; }
        public Builder buildFailureWeightMultiplier(double v) { buildFailureWeightMultiplier = v; return this; }
        public Builder hostSubsetSize(int v) { hostSubsetSize = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        public Builder maxPlacementResults(int v) { maxPlacementResults = v; return this; }
        public Builder maxInstancesPerHost(int v) { maxInstancesPerHost = v; return this; }
        public Builder maxIoOpsPerHost(int v) { maxIoOpsPerHost = v; return this; }
        public Builder queryPlacementForAvailabilityZone(boolean v) { queryPlacementForAvailabilityZone = v; return this; }
        public Builder queryPlacementForImageTypeSupport(boolean v) { queryPlacementForImageTypeSupport = v; return this; }
        public Builder limitTenantsToPlacementAggregate(boolean v) { limitTenantsToPlacementAggregate = v; return this; }
        public Builder placementAggregateRequiredForTenants(boolean v) { placementAggregateRequiredForTenants = v; return this; }
        public Builder enableIsolatedAggregateFiltering(boolean v) { enableIsolatedAggregateFiltering = v; return this; }
        public Builder defaultAvailabilityZone(String v) { defaultAvailabilityZone = v; return this; }
        public Builder imagePropertiesDefaultArchitecture(String v) { imagePropertiesDefaultArchitecture = v; return this; }

        /** The settings; fails with a message naming the option when one is out of range or unknown. */
        public SchedulerSettings build() {
            return new SchedulerSettings(enabledFilters, weighers, ramWeightMultiplier, cpuWeightMultiplier,
                    diskWeightMultiplier, ioOpsWeightMultiplier, numInstancesWeightMultiplier,
                    softAffinityWeightMultiplier, softAntiAffinityWeightMultiplier, buildFailureWeightMultiplier,
                    hostSubsetSize, maxAttempts, maxPlacementResults, maxInstancesPerHost, maxIoOpsPerHost,
                    queryPlacementForAvailabilityZone, queryPlacementForImageTypeSupport,
                    limitTenantsToPlacementAggregate, placementAggregateRequiredForTenants,
                    enableIsolatedAggregateFiltering, defaultAvailabilityZone, imagePropertiesDefaultArchitecture);
        }
    }
}
