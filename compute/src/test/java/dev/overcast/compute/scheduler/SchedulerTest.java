package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final FakePlacement placement = new FakePlacement()
            .add(host("small").ram(4096, 0).build())
            .add(host("medium").ram(8192, 0).build())
            .add(host("large").ram(16384, 0).build());

    private Scheduler scheduler(SchedulerSettings settings) {
        return new Scheduler(placement, placement, settings, new SplittableRandom(7));
    }

    private Scheduler scheduler() {
        return scheduler(SchedulerSettings.defaults());
    }

    private static List<String> hostsOf(ScheduleResult result) {
        return ((Scheduled) result).instances().stream().map(s -> s.host().host().host()).toList();
    }

    @Test
    void theChosenHostIsClaimedAndItsAlternatesAreNot() {
        Scheduled result = (Scheduled) scheduler().select(request(), List.of("vm1"));
        InstanceSelection selection = result.instances().getFirst();
        assertThat(selection.host().host().host()).isEqualTo("large");
        assertThat(selection.alternates()).extracting(h -> h.host().host()).containsExactly("medium", "small");
        assertThat(placement.consumers()).containsExactly("vm1");
        assertThat(placement.allocationsOf("vm1")).containsOnlyKeys("uuid-large");
    }

    @Test
    void whenPlacementRefusesTheClaimTheNextBestHostIsClaimed() {
        placement.refuseNextClaimOn("uuid-large");
        Scheduled result = (Scheduled) scheduler().select(request(), List.of("vm1"));
        assertThat(result.instances().getFirst().host().host().host()).isEqualTo("medium");
        assertThat(result.instances().getFirst().alternates()).extracting(h -> h.host().host())
                .containsExactly("small");
        assertThat(placement.claimsRefused).isEqualTo(1);
        assertThat(placement.allocationsOf("vm1")).containsOnlyKeys("uuid-medium");
    }

    @Test
    void whenEveryClaimIsRefusedTheAnswerSaysSo() {
        placement.refuseNextClaimOn("uuid-large");
        placement.refuseNextClaimOn("uuid-medium");
        placement.refuseNextClaimOn("uuid-small");
        NoValidHost none = (NoValidHost) scheduler().select(request(), List.of("vm1"));
        assertThat(none.message()).isEqualTo(
                "No valid host was found. Placement returned 3 candidates; Placement removed 3 (claim refused).");
        assertThat(placement.consumers()).isEmpty();
    }

    @Test
    void severalInstancesSpreadAsEachConsumesItsHost() {
        FakePlacement twins = new FakePlacement().add(host("a").build()).add(host("b").build());
        Scheduler s = new Scheduler(twins, twins, SchedulerSettings.defaults(), new SplittableRandom(1));
        assertThat(hostsOf(s.select(request(), List.of("vm1", "vm2")))).containsExactly("a", "b");
    }

    @Test
    void antiAffinityPlacesEachMemberOfOneRequestOnItsOwnHost() {
        RequestSpec r = request().withInstanceGroup(ServerGroup.of("G", Policy.ANTI_AFFINITY));
        ScheduleResult result = scheduler().select(r, List.of("vm1", "vm2", "vm3"));
        assertThat(hostsOf(result)).containsExactlyInAnyOrder("small", "medium", "large");
        assertThat(placement.consumers()).containsExactlyInAnyOrder("vm1", "vm2", "vm3");
    }

    @Test
    void antiAffinityWithMaxServerPerHostTwoPutsTwoMembersPerHost() {
        FakePlacement two = new FakePlacement().add(host("a").build()).add(host("b").build());
        Scheduler s = new Scheduler(two, two, SchedulerSettings.defaults(), new SplittableRandom(1));
        RequestSpec r = request().withInstanceGroup(new ServerGroup("G", Policy.ANTI_AFFINITY, 2, Map.of()));
        assertThat(hostsOf(s.select(r, List.of("1", "2", "3", "4")))).containsExactlyInAnyOrder("a", "a", "b", "b");
    }

    @Test
    void whenALaterInstanceCannotBePlacedTheEarlierClaimsAreReleased() {
        RequestSpec r = request().withInstanceGroup(ServerGroup.of("G", Policy.ANTI_AFFINITY));
        NoValidHost none = (NoValidHost) scheduler().select(r, List.of("vm1", "vm2", "vm3", "vm4"));
        assertThat(placement.consumers()).isEmpty();
        assertThat(none.message()).isEqualTo("No valid host was found. Placement returned 3 candidates; "
                + "ServerGroupAntiAffinityFilter removed 3 (already hosts a member of group G). "
                + "Instance 4 of 4 could not be placed; the claims of the 3 placed before it were released.");
    }

    @Test
    void affinityKeepsEveryMemberOnTheFirstMembersHost() {
        RequestSpec r = request().withInstanceGroup(ServerGroup.of("G", Policy.AFFINITY));
        assertThat(hostsOf(scheduler().select(r, List.of("vm1", "vm2", "vm3")))).containsOnly("large");
    }

    @Test
    void alternatesLeaveOutHostsChosenForEarlierInstances() {
        Scheduled result = (Scheduled) scheduler().select(request(), List.of("vm1", "vm2"));
        InstanceSelection second = result.instances().get(1);
        assertThat(second.alternates()).extracting(h -> h.host().uuid())
                .doesNotContain(result.instances().getFirst().host().host().uuid());
    }

    @Test
    void whenNothingFitsPlacementsEmptyAnswerIsExplained() {
        RequestSpec huge = request().withFlavor(Flavor.of("huge", 4, 65536, 10));
        NoValidHost none = (NoValidHost) scheduler().select(huge, List.of("vm1"));
        assertThat(none.message()).isEqualTo(
                "No valid host was found. Placement returned no candidates for DISK_GB=10, MEMORY_MB=65536, VCPU=4.");
    }

    @Test
    void aPrefilterRefusalIsExplainedWithoutAskingPlacement() {
        SchedulerSettings strict = SchedulerSettings.builder().limitTenantsToPlacementAggregate(true)
                .placementAggregateRequiredForTenants(true).build();
        NoValidHost none = (NoValidHost) scheduler(strict).select(request(), List.of("vm1"));
        assertThat(none.message()).endsWith("require_tenant_aggregate: no aggregate is set aside for project p1.");
        assertThat(placement.queries()).isEmpty();
    }

    @Test
    void aRequestedDestinationNarrowsPlacementsQueryToItsTree() {
        RequestSpec r = request().withRequestedDestination(new RequestedDestination("small", null));
        assertThat(hostsOf(scheduler().select(r, List.of("vm1")))).containsExactly("small");
        assertThat(placement.queries().getFirst().inTree()).isEqualTo("uuid-small");
    }

    @Test
    void disabledComputesAreLeftOutByPlacement() {
        FakePlacement p = new FakePlacement().add(host("off").ram(65536, 0).build(), "COMPUTE_STATUS_DISABLED")
                .add(host("on").build());
        Scheduler s = new Scheduler(p, p, SchedulerSettings.defaults(), new SplittableRandom(1));
        assertThat(hostsOf(s.select(request(), List.of("vm1")))).containsExactly("on");
    }

    @Test
    void aFailingPlacementReleasesTheClaimsAlreadyMade() {
        PlacementClient failsOnSecondClaim = new PlacementClient() {
            private int claims;

            @Override
            public List<Candidate> candidates(PlacementQuery query) {
                return placement.candidates(query);
            }

            @Override
            public boolean claim(String consumer, String project, String user, Map<String, Map<String, Long>> a) {
                if (++claims == 2) {
                    throw new IllegalStateException("placement is down");
                }
                return placement.claim(consumer, project, user, a);
            }

            @Override
            public void release(String consumer) {
                placement.release(consumer);
            }

            @Override
            public boolean move(String from, String to, String consumerType, boolean replaceTarget) {
                return placement.move(from, to, consumerType, replaceTarget);
            }
        };
        Scheduler s = new Scheduler(failsOnSecondClaim, placement, SchedulerSettings.defaults(),
                new SplittableRandom(1));
        assertThatThrownBy(() -> s.select(request(), List.of("vm1", "vm2"))).hasMessage("placement is down");
        assertThat(placement.consumers()).isEmpty();
    }
}
