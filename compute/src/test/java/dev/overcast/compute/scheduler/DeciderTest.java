package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.byUuid;
import static dev.overcast.compute.scheduler.TestHosts.candidates;
import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeciderTest {
    private final SchedulerSettings defaults = SchedulerSettings.defaults();

    /** Hosts named h0..h{n-1} whose free RAM grows with the index, so h{n-1} weighs most. */
    private static List<HostState> rising(int n) {
        List<HostState> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add(host("h" + i).ram(1_000_000, 1_000_000 - 1024L * (i + 1)).build());
        }
        return hosts;
    }

    private static Decision decide(RequestSpec r, List<HostState> hosts, SchedulerSettings s, long seed) {
        return Decider.decide(r, candidates(hosts, r), byUuid(hosts), s, new SplittableRandom(seed));
    }

    private static List<String> names(Decision d) {
        return ((Selected) d).hosts().stream().map(h -> h.host().host()).toList();
    }

    @Test
    void theBestHostIsChosenAndTheNextBestFollowAsAlternates() {
        assertThat(names(decide(request(), rising(10), defaults, 1))).containsExactly("h9", "h8", "h7");
    }

    @Test
    void maxAttemptsBoundsTheChosenHostAndItsAlternates() {
        SchedulerSettings one = defaults.toBuilder().maxAttempts(1).build();
        assertThat(names(decide(request(), rising(10), one, 1))).containsExactly("h9");
        SchedulerSettings many = defaults.toBuilder().maxAttempts(5).build();
        assertThat(names(decide(request(), rising(3), many, 1))).containsExactly("h2", "h1", "h0");
    }

    @Test
    void theChosenHostCarriesItsAllocationRequest() {
        List<HostState> hosts = rising(2);
        Selected s = (Selected) decide(request(), hosts, defaults, 1);
        assertThat(s.chosen().allocationRequest()).isEqualTo(
                Map.of("uuid-h1", Map.of("VCPU", 1L, "MEMORY_MB", 512L, "DISK_GB", 1L)));
    }

    @Test
    void equalHostsKeepPlacementsOrder() {
        List<HostState> hosts = List.of(host("first").build(), host("second").build(), host("third").build());
        assertThat(names(decide(request(), hosts, defaults, 1))).containsExactly("first", "second", "third");
    }

    @Test
    void aHostSubsetDrawsTheChosenHostAmongTheBestOnlyAndTheSeedRepeatsTheDraw() {
        SchedulerSettings subset = defaults.toBuilder().hostSubsetSize(3).build();
        Map<String, Integer> chosen = new HashMap<>();
        for (long seed = 0; seed < 300; seed++) {
            chosen.merge(names(decide(request(), rising(10), subset, seed)).getFirst(), 1, Integer::sum);
        }
        assertThat(chosen.keySet()).containsExactlyInAnyOrder("h9", "h8", "h7");
        assertThat(chosen.values()).allMatch(n -> n > 50);
        assertThat(names(decide(request(), rising(10), subset, 42)))
                .isEqualTo(names(decide(request(), rising(10), subset, 42)));
    }

    @Test
    void alternatesAfterADrawAreTheBestOfTheRest() {
        SchedulerSettings subset = defaults.toBuilder().hostSubsetSize(3).build();
        for (long seed = 0; seed < 20; seed++) {
            List<String> picked = names(decide(request(), rising(10), subset, seed));
            List<String> expected = new ArrayList<>(List.of("h9", "h8", "h7", "h6", "h5"));
            expected.remove(picked.getFirst());
            assertThat(picked.subList(1, 3)).containsExactlyElementsOf(expected.subList(0, 2));
        }
    }

    @Test
    void aLargeSubsetStillRanksCorrectly() {
        SchedulerSettings big = defaults.toBuilder().hostSubsetSize(1).maxAttempts(60).build();
        List<String> picked = names(decide(request(), rising(100), big, 1));
        assertThat(picked).hasSize(60).startsWith("h99", "h98").endsWith("h40");
    }

    @Test
    void filtersRemoveHostsBeforeWeighing() {
        List<HostState> hosts = new ArrayList<>(rising(3));
        hosts.set(2, host("h2").ram(32768, 0).service(new Service(false, true, "maint")).build());
        assertThat(names(decide(request(), hosts, defaults, 1))).containsExactly("h1", "h0");
    }

    @Test
    void candidatesWithoutAKnownHostStateAreLeftOut() {
        List<HostState> hosts = rising(3);
        RequestSpec r = request();
        Map<String, HostState> known = byUuid(hosts.subList(0, 2));
        Decision d = Decider.decide(r, candidates(hosts, r), known, defaults, new SplittableRandom(1));
        assertThat(names(d)).containsExactly("h1", "h0");
    }

    @Test
    void aRequestedDestinationRestrictsTheHostsButStillFilters() {
        RequestSpec r = request().withRequestedDestination(new RequestedDestination("h1", null));
        assertThat(names(decide(r, rising(5), defaults, 1))).containsExactly("h1");
        List<HostState> hosts = List.of(host("h1").service(new Service(true, false, null)).build(), host("h2").build());
        NoValidHost none = (NoValidHost) decide(r, hosts, defaults, 1);
        assertThat(none.message()).isEqualTo("No valid host was found. Placement returned 2 candidates; "
                + "Requested destination removed 1 (not h1); ComputeFilter removed 1 (service down).");
    }

    @Test
    void forcedHostsSkipTheFilters() {
        List<HostState> hosts = List.of(host("down").service(new Service(false, false, null)).build(),
                host("up").build());
        RequestSpec r = request().withForced(List.of("DOWN"), List.of());
        assertThat(names(decide(r, hosts, defaults, 1))).containsExactly("down");
    }

    @Test
    void forcedNodesMatchTheNodeName() {
        List<HostState> hosts = List.of(host("ironic").node("n1").build(), host("ironic").node("n2").build());
        RequestSpec r = request().withForced(List.of(), List.of("n2"));
        Selected s = (Selected) decide(r, hosts, defaults, 1);
        assertThat(s.hosts()).extracting(h -> h.host().node()).containsExactly("n2");
    }

    @Test
    void aDuplicateCandidateForTheSameHostIsConsideredOnceWithItsFirstAllocation() {
        HostState h = host("h").build();
        Candidate first = new Candidate(h.uuid(), Map.of(h.uuid(), Map.of("VCPU", 1L)));
        Candidate second = new Candidate(h.uuid(), Map.of(h.uuid(), Map.of("VCPU", 1L), "shared", Map.of("DISK_GB", 1L)));
        Selected s = (Selected) Decider.decide(request(), List.of(first, second), byUuid(List.of(h)), defaults,
                new SplittableRandom(1));
        assertThat(s.hosts()).hasSize(1);
        assertThat(s.chosen().allocationRequest()).isEqualTo(first.allocationRequest());
    }

    @Test
    void noValidHostSaysWhatEachFilterRemovedAndWhy() {
        List<HostState> hosts = new ArrayList<>();
        hosts.add(host("d1").service(new Service(false, true, "x")).build());
        hosts.add(host("d2").service(new Service(false, true, "x")).build());
        hosts.add(host("down").service(new Service(true, false, null)).build());
        for (int i = 0; i < 9; i++) {
            hosts.add(host("g" + i).build());
        }
        Map<String, Integer> members = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            members.put("g" + i, 1);
        }
        RequestSpec r = request().withInstanceGroup(new ServerGroup("G", Policy.ANTI_AFFINITY, 1, members));
        NoValidHost none = (NoValidHost) decide(r, hosts, defaults, 1);
        assertThat(none.message()).isEqualTo("No valid host was found. Placement returned 12 candidates; "
                + "ComputeFilter removed 3 (service disabled: 2, service down: 1); "
                + "ServerGroupAntiAffinityFilter removed 9 (already hosts a member of group G).");
        assertThat(none.explanation().steps()).extracting(Explanation.Step::name)
                .containsExactly("Host lookup", "ComputeFilter", "ServerGroupAntiAffinityFilter");
    }

    @Test
    void noValidHostWithoutCandidatesSaysWhatWasAsked() {
        NoValidHost none = (NoValidHost) Decider.decide(request(), List.of(), Map.of(), defaults,
                new SplittableRandom(1));
        assertThat(none.message()).isEqualTo(
                "No valid host was found. Placement returned no candidates for DISK_GB=1, MEMORY_MB=512, VCPU=1.");
    }

    @Test
    void manyReasonsAreSummarised() {
        SchedulerSettings s = defaults.toBuilder().enabledFilters("ComputeCapabilitiesFilter").build();
        RequestSpec r = TestHosts.requestWithExtraSpecs(Map.of("capabilities:model", "<or> z"));
        List<HostState> hosts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hosts.add(host("h" + i).capability("model", "m" + i).build());
        }
        hosts.add(host("bare").build());
        hosts.add(host("bare2").build());
        NoValidHost none = (NoValidHost) decide(r, hosts, s, 1);
        assertThat(none.message()).isEqualTo("No valid host was found. Placement returned 7 candidates; "
                + "ComputeCapabilitiesFilter removed 7 (model is not <or> z: 5, no capability model: 2).");
    }

    @Test
    void aStepsReasonsBeyondThreeAreCounted() {
        Explanation e = new Explanation(9, Map.of(), List.of(new Explanation.Step("F", 9, List.of(
                new Explanation.Reason("a", 3), new Explanation.Reason("b", 2), new Explanation.Reason("c", 2),
                new Explanation.Reason("d", 1), new Explanation.Reason("e", 1)))), List.of("Note."));
        assertThat(e.message()).isEqualTo(
                "No valid host was found. Placement returned 9 candidates; F removed 9 (a: 3, b: 2, c: 2, and 2 more)."
                        + " Note.");
    }
}
