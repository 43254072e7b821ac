package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.aggregate;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static dev.overcast.compute.scheduler.TestHosts.requestWithExtraSpecs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefiltersTest {
    private final SchedulerSettings defaults = SchedulerSettings.defaults();

    private static PlacementQuery query(RequestSpec r, SchedulerSettings s, List<Aggregate> aggregates) {
        return ((Prefiltered.Query) Prefilters.apply(r, s, aggregates)).query();
    }

    @Test
    void theFlavorBecomesVcpuMemoryAndDiskWithSwapRoundedUpToWholeGigabytes() {
        RequestSpec r = request().withFlavor(new Flavor("f", 2, 2048, 20, 10, 1536, Map.of()));
        assertThat(Prefilters.resources(r)).containsExactlyInAnyOrderEntriesOf(
                Map.of("VCPU", 2L, "MEMORY_MB", 2048L, "DISK_GB", 32L));
    }

    @Test
    void resourcesExtraSpecsOverrideAddAndRemoveClasses() {
        RequestSpec r = requestWithExtraSpecs(Map.of("resources:VCPU", "0", "resources:PCPU", "2",
                "resources:CUSTOM_GPU", "1", "resources:MEMORY_MB", "1024"));
        assertThat(Prefilters.resources(r)).containsExactlyInAnyOrderEntriesOf(
                Map.of("PCPU", 2L, "CUSTOM_GPU", 1L, "MEMORY_MB", 1024L, "DISK_GB", 1L));
    }

    @Test
    void traitExtraSpecsAndImagePropertiesBecomeRequiredAndForbiddenTraits() {
        RequestSpec r = requestWithExtraSpecs(Map.of("trait:HW_CPU_X86_AVX2", "required",
                "trait:CUSTOM_SLOW", "forbidden")).withImageProperties(Map.of("trait:CUSTOM_LICENSED", "required"));
        PlacementQuery q = query(r, defaults, List.of());
        assertThat(q.requiredTraits()).containsExactlyInAnyOrder("HW_CPU_X86_AVX2", "CUSTOM_LICENSED");
        assertThat(q.forbiddenTraits()).containsExactlyInAnyOrder("CUSTOM_SLOW", "COMPUTE_STATUS_DISABLED");
    }

    @Test
    void disabledComputesAreAlwaysLeftOutAndTheLimitIsMaxPlacementResults() {
        PlacementQuery q = query(request(), defaults, List.of());
        assertThat(q.toQueryString()).isEqualTo(
                "resources=DISK_GB:1,MEMORY_MB:512,VCPU:1&required=!COMPUTE_STATUS_DISABLED&limit=1000");
    }

    @Test
    void affinityHintsAndForcedHostsLiftTheLimit() {
        assertThat(query(request().withSchedulerHints(Map.of("different_host", List.of("x"))), defaults, List.of())
                .limit()).isNull();
        assertThat(query(request().withInstanceGroup(ServerGroup.of("G", Policy.ANTI_AFFINITY)), defaults,
                List.of()).limit()).isNull();
        assertThat(query(request().withForced(List.of("h1"), List.of()), defaults, List.of()).limit()).isNull();
    }

    @Test
    void anAvailabilityZoneBecomesMembershipOfItsAggregates() {
        Aggregate az1a = aggregate("az1a", Map.of("availability_zone", "az1"));
        Aggregate az1b = aggregate("az1b", Map.of("availability_zone", "az1"));
        Aggregate az2 = aggregate("az2", Map.of("availability_zone", "az2"));
        PlacementQuery q = query(request().withAvailabilityZone("az1"), defaults, List.of(az1a, az1b, az2));
        assertThat(q.memberOf()).containsExactly(Set.of("agg-az1a", "agg-az1b"));
        PlacementQuery off = query(request().withAvailabilityZone("az1"),
                defaults.toBuilder().queryPlacementForAvailabilityZone(false).build(), List.of(az1a));
        assertThat(off.memberOf()).isEmpty();
    }

    @Test
    void imageTypeSupportRequiresTheDiskFormatsTrait() {
        SchedulerSettings on = defaults.toBuilder().queryPlacementForImageTypeSupport(true).build();
        RequestSpec r = request().withImageProperties(Map.of("disk_format", "qcow2"));
        assertThat(query(r, on, List.of()).requiredTraits()).containsExactly("COMPUTE_IMAGE_TYPE_QCOW2");
        assertThat(query(r, defaults, List.of()).requiredTraits()).isEmpty();
    }

    @Test
    void tenantIsolationSendsAProjectToTheAggregatesThatNameIt() {
        SchedulerSettings on = defaults.toBuilder().limitTenantsToPlacementAggregate(true).build();
        Aggregate mine = aggregate("mine", Map.of("filter_tenant_id", "p1"));
        Aggregate alsoMine = aggregate("also", Map.of("filter_tenant_id_2", "p1"));
        Aggregate theirs = aggregate("theirs", Map.of("filter_tenant_id", "p2"));
        PlacementQuery q = query(request(), on, List.of(mine, alsoMine, theirs));
        assertThat(q.memberOf()).containsExactly(Set.of("agg-mine", "agg-also"));
    }

    @Test
    void tenantIsolationCanRefuseAProjectNoAggregateNames() {
        SchedulerSettings lenient = defaults.toBuilder().limitTenantsToPlacementAggregate(true).build();
        SchedulerSettings strict = lenient.toBuilder().placementAggregateRequiredForTenants(true).build();
        List<Aggregate> none = List.of(aggregate("theirs", Map.of("filter_tenant_id", "p2")));
        assertThat(query(request(), lenient, none).memberOf()).isEmpty();
        assertThat(Prefilters.apply(request(), strict, none)).isEqualTo(
                new Prefiltered.Refused("require_tenant_aggregate", "no aggregate is set aside for project p1"));
    }

    @Test
    void isolatedAggregatesKeepOutRequestsThatDoNotRequireTheirTraits() {
        SchedulerSettings on = defaults.toBuilder().enableIsolatedAggregateFiltering(true).build();
        Aggregate gpu = aggregate("gpu", Map.of("trait:CUSTOM_GPU", "required"));
        Aggregate plain = aggregate("plain", Map.of("ssd", "true"));
        assertThat(query(request(), on, List.of(gpu, plain)).forbiddenAggregates()).containsExactly("agg-gpu");
        RequestSpec wantsGpu = requestWithExtraSpecs(Map.of("trait:CUSTOM_GPU", "required"));
        assertThat(query(wantsGpu, on, List.of(gpu, plain)).forbiddenAggregates()).isEmpty();
    }

    @Test
    void theQueryStringReadsLikePlacementsApi() {
        PlacementQuery q = PlacementQuery.of(Map.of("VCPU", 2L, "MEMORY_MB", 1024L)).requiring("B").requiring("A")
                .forbidding("C").memberOfAnyOf(Set.of("y", "x")).notMemberOf(Set.of("z")).withInTree("rp")
                .withLimit(5);
        assertThat(q.toQueryString()).isEqualTo("resources=MEMORY_MB:1024,VCPU:2&required=A,B,!C"
                + "&member_of=in:x,y&member_of=!in:z&in_tree=rp&limit=5");
    }
}
