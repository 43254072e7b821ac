package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.overcast.placement.candidates.AllocationCandidates.AllocationRequest;
import dev.overcast.placement.candidates.AllocationCandidates.Options;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Provider;

class AllocationCandidatesTest {

    private static Map<String, Long> res(Object... pairs) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return out;
    }

    private static RequestGroup group(String suffix, Object... pairs) {
        return RequestGroup.of(suffix, res(pairs));
    }

    private static Result find(ProviderView view, CandidateQuery q) {
        return AllocationCandidates.find(view, q, Options.defaults());
    }

    private static Result find(ProviderView view, RequestGroup... groups) {
        return find(view, CandidateQuery.of(List.of(groups)));
    }

    /** Each candidate as "provider:RC=n,..." joined by " + ", for compact assertions. */
    private static List<String> shapes(Result r) {
        List<String> out = new ArrayList<>();
        for (AllocationRequest a : r.requests()) {
            List<String> parts = new ArrayList<>();
            a.allocations().forEach((uuid, amounts) -> {
                List<String> items = new ArrayList<>();
                amounts.forEach((rc, n) -> items.add(rc + "=" + n));
                parts.add(uuid + ":" + String.join(",", items));
            });
            out.add(String.join(" + ", parts));
        }
        return out;
    }

    private static List<String> summaryUuids(Result r) {
        return r.summaries().stream().map(Provider::uuid).toList();
    }

    private static ProviderView threeHosts() {
        return new Tree()
                .root("cn1").inv("VCPU", 8).inv("MEMORY_MB", 4096)
                .root("cn2").inv("VCPU", 8)
                .root("cn3").inv("VCPU", 8).inv("MEMORY_MB", 4096)
                .view();
    }

    @Test
    void singleHostsThatHaveEveryClassAreCandidatesInProviderOrder() {
        Result r = find(threeHosts(), group("", "VCPU", 2, "MEMORY_MB", 512));
        assertThat(shapes(r)).containsExactly("cn1:VCPU=2,MEMORY_MB=512", "cn3:VCPU=2,MEMORY_MB=512");
        assertThat(summaryUuids(r)).containsExactly("cn1", "cn3");
        assertThat(r.requests().getFirst().mappings()).isEqualTo(Map.of("", List.of("cn1")));
    }

    @Test
    void capacityCountsReservedRatioAndWhatIsUsed() {
        ProviderView view = new Tree()
                .root("full").inv("VCPU", 4, 0, 1, 4, 1, 1.0).used("VCPU", 4)
                .root("reserved").inv("VCPU", 4, 3, 1, 4, 1, 1.0)
                .root("overcommitted").inv("VCPU", 4, 0, 1, 4, 1, 2.0).used("VCPU", 6)
                .root("exact").inv("VCPU", 4, 0, 1, 4, 1, 1.0).used("VCPU", 2)
                .view();
        assertThat(shapes(find(view, group("", "VCPU", 2)))).containsExactly("overcommitted:VCPU=2", "exact:VCPU=2");
        assertThat(shapes(find(view, group("", "VCPU", 3)))).isEmpty();
    }

    @Test
    void minUnitMaxUnitAndStepSizeBoundOneAllocation() {
        ProviderView view = new Tree()
                .root("min4").inv("MEMORY_MB", 1024, 0, 4, 1024, 1, 1.0)
                .root("max2").inv("MEMORY_MB", 1024, 0, 1, 2, 1, 1.0)
                .root("step3").inv("MEMORY_MB", 1024, 0, 1, 1024, 3, 1.0)
                .view();
        assertThat(shapes(find(view, group("", "MEMORY_MB", 3)))).containsExactly("step3:MEMORY_MB=3");
        assertThat(shapes(find(view, group("", "MEMORY_MB", 2)))).containsExactly("max2:MEMORY_MB=2");
        assertThat(shapes(find(view, group("", "MEMORY_MB", 6)))).containsExactly("min4:MEMORY_MB=6",
                "step3:MEMORY_MB=6");
    }

    @Test
    void limitStopsTheWalkAndRandomizeStartsSomewhereElse() {
        Tree t = new Tree();
        for (int i = 0; i < 20; i++) {
            t.root("h" + i).inv("VCPU", 4);
        }
        ProviderView view = t.view();
        CandidateQuery q = CandidateQuery.of(List.of(group("", "VCPU", 1))).withLimit(3);
        assertThat(shapes(find(view, q))).containsExactly("h0:VCPU=1", "h1:VCPU=1", "h2:VCPU=1");
        assertThat(find(view, q).summaries()).hasSize(3);
        Set<String> firsts = new java.util.HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Result r = AllocationCandidates.find(view, q, new Options(true, true, random, true));
            assertThat(r.requests()).hasSize(3);
            firsts.add(shapes(r).getFirst());
        }
        assertThat(firsts.size()).isGreaterThan(1);
    }

    /** cn1 (VCPU) with two PFs (8 VFs each); cn2 the same. */
    private static ProviderView nested() {
        return new Tree()
                .root("cn1").inv("VCPU", 8).traits("HW_CPU_X86_AVX")
                .child("pf1_1", "cn1").inv("SRIOV_NET_VF", 8).traits("CUSTOM_PHYSNET1")
                .child("pf1_2", "cn1").inv("SRIOV_NET_VF", 8).traits("CUSTOM_PHYSNET2")
                .root("cn2").inv("VCPU", 8)
                .child("pf2_1", "cn2").inv("SRIOV_NET_VF", 8).traits("CUSTOM_PHYSNET1")
                .view();
    }

    @Test
    void theUnsuffixedGroupMayTakeEachClassFromAnotherProviderOfTheTree() {
        Result r = find(nested(), group("", "VCPU", 1, "SRIOV_NET_VF", 4));
        assertThat(shapes(r)).containsExactly(
                "cn1:VCPU=1 + pf1_1:SRIOV_NET_VF=4",
                "cn1:VCPU=1 + pf1_2:SRIOV_NET_VF=4",
                "cn2:VCPU=1 + pf2_1:SRIOV_NET_VF=4");
        assertThat(summaryUuids(r)).containsExactly("cn1", "pf1_1", "pf1_2", "cn2", "pf2_1");
        assertThat(r.requests().getFirst().mappings()).isEqualTo(Map.of("", List.of("cn1", "pf1_1")));
    }

    @Test
    void belowNestedAwarenessACandidateUsesOneProviderPerTreeAndSummariesOnlyThoseUsed() {
        Options old = new Options(false, false, null, true);
        CandidateQuery both = CandidateQuery.of(List.of(group("", "VCPU", 1, "SRIOV_NET_VF", 4)));
        assertThat(AllocationCandidates.find(nested(), both, old).requests()).isEmpty();
        Result vfs = AllocationCandidates.find(nested(), CandidateQuery.of(List.of(group("", "SRIOV_NET_VF", 4))), old);
        assertThat(shapes(vfs)).hasSize(3);
        assertThat(summaryUuids(vfs)).containsExactly("pf1_1", "pf1_2", "pf2_1");
    }

    @Test
    void requiredTraitsAreMetByTheProvidersSupplyingTheGroupTogether() {
        RequestGroup g = group("", "VCPU", 1, "SRIOV_NET_VF", 4)
                .withRequired(List.of(Set.of("HW_CPU_X86_AVX"), Set.of("CUSTOM_PHYSNET2")), Set.of());
        assertThat(shapes(find(nested(), g))).containsExactly("cn1:VCPU=1 + pf1_2:SRIOV_NET_VF=4");
        // A trait on a provider of the tree that supplies nothing does not count.
        RequestGroup vfOnly = group("", "SRIOV_NET_VF", 4).withRequired(List.of(Set.of("HW_CPU_X86_AVX")), Set.of());
        assertThat(shapes(find(nested(), vfOnly))).isEmpty();
    }

    @Test
    void aForbiddenTraitOnAnySupplyingProviderExcludesTheCombination() {
        RequestGroup g = group("", "VCPU", 1, "SRIOV_NET_VF", 4).withRequired(List.of(), Set.of("CUSTOM_PHYSNET1"));
        assertThat(shapes(find(nested(), g))).containsExactly("cn1:VCPU=1 + pf1_2:SRIOV_NET_VF=4");
        RequestGroup avx = group("", "VCPU", 1).withRequired(List.of(), Set.of("HW_CPU_X86_AVX"));
        assertThat(shapes(find(nested(), avx))).containsExactly("cn2:VCPU=1");
    }

    @Test
    void anyTraitsNeedOneOfTheSet() {
        RequestGroup g = group("", "SRIOV_NET_VF", 4)
                .withRequired(List.of(Set.of("CUSTOM_PHYSNET2", "CUSTOM_PHYSNET9")), Set.of());
        assertThat(shapes(find(nested(), g))).containsExactly("pf1_2:SRIOV_NET_VF=4");
    }

    @Test
    void granularGroupsTakeOneProviderEachAndIsolateKeepsThemApart() {
        CandidateQuery q = CandidateQuery.of(List.of(group("1", "SRIOV_NET_VF", 2), group("2", "SRIOV_NET_VF", 2)));
        Result isolated = find(nested(), q.withPolicy(GroupPolicy.ISOLATE));
        assertThat(shapes(isolated)).containsExactly(
                "pf1_1:SRIOV_NET_VF=2 + pf1_2:SRIOV_NET_VF=2",
                "pf1_2:SRIOV_NET_VF=2 + pf1_1:SRIOV_NET_VF=2");
        assertThat(isolated.requests().getFirst().mappings())
                .isEqualTo(Map.of("1", List.of("pf1_1"), "2", List.of("pf1_2")));
        Result shared = find(nested(), q.withPolicy(GroupPolicy.NONE));
        assertThat(shapes(shared)).containsExactly(
                "pf1_1:SRIOV_NET_VF=4",
                "pf1_1:SRIOV_NET_VF=2 + pf1_2:SRIOV_NET_VF=2",
                "pf1_2:SRIOV_NET_VF=2 + pf1_1:SRIOV_NET_VF=2",
                "pf1_2:SRIOV_NET_VF=4",
                "pf2_1:SRIOV_NET_VF=4");
    }

    @Test
    void twoGroupsOnOneProviderMustFitTogether() {
        ProviderView view = new Tree().root("cn").inv("VGPU", 3, 0, 1, 2, 1, 1.0).view();
        CandidateQuery q = CandidateQuery.of(List.of(group("", "VGPU", 1), group("1", "VGPU", 1),
                group("2", "VGPU", 1))).withPolicy(GroupPolicy.NONE);
        assertThat(shapes(find(view, q))).as("3 exceeds max_unit 2").isEmpty();
        CandidateQuery two = CandidateQuery.of(List.of(group("1", "VGPU", 1), group("2", "VGPU", 1)))
                .withPolicy(GroupPolicy.NONE);
        assertThat(shapes(find(view, two))).containsExactly("cn:VGPU=2");
        ProviderView busy = new Tree().root("cn").inv("VGPU", 3, 0, 1, 3, 1, 1.0).used("VGPU", 2).view();
        assertThat(shapes(find(busy, two))).as("used 2 + 2 exceeds capacity 3").isEmpty();
    }

    @Test
    void unsuffixedAndGranularGroupsMergeOnTheirTree() {
        CandidateQuery q = CandidateQuery.of(List.of(group("", "VCPU", 1), group("1", "SRIOV_NET_VF", 4)));
        Result r = find(nested(), q);
        assertThat(shapes(r)).containsExactly(
                "cn1:VCPU=1 + pf1_1:SRIOV_NET_VF=4",
                "cn1:VCPU=1 + pf1_2:SRIOV_NET_VF=4",
                "cn2:VCPU=1 + pf2_1:SRIOV_NET_VF=4");
        assertThat(r.requests().getFirst().mappings()).isEqualTo(Map.of("", List.of("cn1"), "1", List.of("pf1_1")));
    }

    @Test
    void memberOfOnARootSpansItsTreeForTheUnsuffixedGroupButNotForAGranularOne() {
        ProviderView view = new Tree()
                .root("cn1").inv("VCPU", 8).aggs("agg-a")
                .child("pf1", "cn1").inv("SRIOV_NET_VF", 8)
                .root("cn2").inv("VCPU", 8).aggs("agg-b")
                .child("pf2", "cn2").inv("SRIOV_NET_VF", 8).aggs("agg-a")
                .view();
        RequestGroup vf = group("", "SRIOV_NET_VF", 1).withMemberOf(List.of(Set.of("agg-a")), Set.of());
        assertThat(shapes(find(view, vf))).containsExactly("pf1:SRIOV_NET_VF=1", "pf2:SRIOV_NET_VF=1");
        RequestGroup vf1 = group("1", "SRIOV_NET_VF", 1).withMemberOf(List.of(Set.of("agg-a")), Set.of());
        assertThat(shapes(find(view, vf1))).containsExactly("pf2:SRIOV_NET_VF=1");
        RequestGroup anyOf = group("", "VCPU", 1).withMemberOf(List.of(Set.of("agg-b", "agg-c")), Set.of());
        assertThat(shapes(find(view, anyOf))).containsExactly("cn2:VCPU=1");
        RequestGroup both = group("", "VCPU", 1).withMemberOf(List.of(Set.of("agg-a"), Set.of("agg-b")), Set.of());
        assertThat(shapes(find(view, both))).isEmpty();
    }

    @Test
    void aForbiddenAggregateOnTheRootOrTheProviderExcludesIt() {
        ProviderView view = new Tree()
                .root("cn1").inv("VCPU", 8).aggs("agg-bad")
                .child("pf1", "cn1").inv("SRIOV_NET_VF", 8)
                .root("cn2").inv("VCPU", 8)
                .child("pf2", "cn2").inv("SRIOV_NET_VF", 8).aggs("agg-bad")
                .root("cn3").inv("VCPU", 8)
                .child("pf3", "cn3").inv("SRIOV_NET_VF", 8)
                .view();
        RequestGroup vf = group("", "SRIOV_NET_VF", 1).withMemberOf(List.of(), Set.of("agg-bad"));
        assertThat(shapes(find(view, vf))).containsExactly("pf3:SRIOV_NET_VF=1");
    }

    @Test
    void inTreeKeepsAGroupToOneTreeAndAnUnknownProviderFindsNothing() {
        RequestGroup g = group("", "VCPU", 1, "SRIOV_NET_VF", 4).withInTree("pf1_2");
        assertThat(shapes(find(nested(), g))).containsExactly(
                "cn1:VCPU=1 + pf1_1:SRIOV_NET_VF=4", "cn1:VCPU=1 + pf1_2:SRIOV_NET_VF=4");
        RequestGroup granular = group("1", "SRIOV_NET_VF", 4).withInTree("cn2");
        assertThat(shapes(find(nested(), granular))).containsExactly("pf2_1:SRIOV_NET_VF=4");
        assertThat(find(nested(), group("", "VCPU", 1).withInTree("nobody")).requests()).isEmpty();
    }

    @Test
    void rootRequiredLooksAtTheRootOfEachCandidateTree() {
        CandidateQuery q = CandidateQuery.of(List.of(group("", "SRIOV_NET_VF", 4)));
        assertThat(shapes(find(nested(), q.withRoot(Set.of("HW_CPU_X86_AVX"), Set.of()))))
                .containsExactly("pf1_1:SRIOV_NET_VF=4", "pf1_2:SRIOV_NET_VF=4");
        assertThat(shapes(find(nested(), q.withRoot(Set.of(), Set.of("HW_CPU_X86_AVX")))))
                .containsExactly("pf2_1:SRIOV_NET_VF=4");
    }

    /** cn → numa0 (VCPU, fpga0), numa1 (VCPU, fpga1); the NUMA nodes have HW_NUMA_ROOT. */
    private static ProviderView numa() {
        return new Tree()
                .root("cn")
                .child("numa0", "cn").inv("VCPU", 4).traits("HW_NUMA_ROOT")
                .child("numa1", "cn").inv("VCPU", 4).traits("HW_NUMA_ROOT", "CUSTOM_FOO")
                .child("fpga0", "numa0").inv("CUSTOM_FPGA", 1)
                .child("fpga1", "numa1").inv("CUSTOM_FPGA", 1)
                .view();
    }

    @Test
    void sameSubtreeKeepsGroupsUnderOneOfTheirProviders() {
        CandidateQuery q = CandidateQuery.of(List.of(group("_COMPUTE", "VCPU", 1), group("_ACCEL", "CUSTOM_FPGA", 1)))
                .withPolicy(GroupPolicy.NONE);
        assertThat(find(numa(), q).requests()).hasSize(4);
        Result r = find(numa(), q.withSameSubtrees(List.of(Set.of("_COMPUTE", "_ACCEL"))));
        assertThat(shapes(r)).containsExactly("numa0:VCPU=1 + fpga0:CUSTOM_FPGA=1", "numa1:VCPU=1 + fpga1:CUSTOM_FPGA=1");
        assertThat(summaryUuids(r)).containsExactly("cn", "numa0", "numa1", "fpga0", "fpga1");
    }

    @Test
    void aResourcelessGroupMapsToAProviderWithItsTraitsInTheSubtree() {
        RequestGroup numaRoot = group("_NUMA").withRequired(List.of(Set.of("CUSTOM_FOO")), Set.of());
        CandidateQuery q = CandidateQuery.of(List.of(group("_ACCEL", "CUSTOM_FPGA", 1), numaRoot))
                .withPolicy(GroupPolicy.NONE).withSameSubtrees(List.of(Set.of("_ACCEL", "_NUMA")));
        Result r = find(numa(), q);
        assertThat(shapes(r)).containsExactly("fpga1:CUSTOM_FPGA=1");
        assertThat(r.requests().getFirst().mappings())
                .isEqualTo(Map.of("_ACCEL", List.of("fpga1"), "_NUMA", List.of("numa1")));
    }

    /** cn1 (no disk) and cn2 (disk) share aggregate agg with ss, which shares its disk. */
    private static ProviderView sharing() {
        return new Tree()
                .root("cn1").inv("VCPU", 8).aggs("agg")
                .root("cn2").inv("VCPU", 8).inv("DISK_GB", 100).aggs("agg")
                .root("ss").inv("DISK_GB", 1000).aggs("agg").sharing()
                .root("cn3").inv("VCPU", 8)
                .view();
    }

    @Test
    void aSharingProviderLendsItsInventoryToTheTreesOfItsAggregates() {
        Result r = find(sharing(), group("", "VCPU", 1, "DISK_GB", 10));
        assertThat(shapes(r)).containsExactly(
                "cn1:VCPU=1 + ss:DISK_GB=10",
                "cn2:VCPU=1,DISK_GB=10",
                "cn2:VCPU=1 + ss:DISK_GB=10");
        assertThat(summaryUuids(r)).containsExactly("cn1", "ss", "cn2");
    }

    @Test
    void aCandidateOfSharedResourcesAloneComesOnceWhateverItsAnchors() {
        assertThat(shapes(find(sharing(), group("", "DISK_GB", 500)))).containsExactly("ss:DISK_GB=500");
        // Anchored at cn1 first, where only ss can lend the disk.
        assertThat(shapes(find(sharing(), group("1", "DISK_GB", 50)))).containsExactly(
                "ss:DISK_GB=50", "cn2:DISK_GB=50");
    }

    @Test
    void aGranularGroupOnASharingProviderMergesWithItsAnchors() {
        CandidateQuery q = CandidateQuery.of(List.of(group("1", "VCPU", 1), group("2", "DISK_GB", 10)))
                .withPolicy(GroupPolicy.ISOLATE);
        assertThat(shapes(find(sharing(), q))).containsExactly(
                "cn1:VCPU=1 + ss:DISK_GB=10", "cn2:VCPU=1 + ss:DISK_GB=10");
    }
}
