package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerGroupFiltersTest {
    private final ServerGroupAntiAffinityFilter anti = new ServerGroupAntiAffinityFilter();
    private final ServerGroupAffinityFilter affinity = new ServerGroupAffinityFilter();
    private final HostState a = host("a").build();
    private final HostState b = host("b").build();

    private static RequestSpec inGroup(Policy policy, int max, Map<String, Integer> members) {
        return request().withInstanceGroup(new ServerGroup("G", policy, max, members));
    }

    @Test
    void withoutAGroupNeitherFilterChecksAnything() {
        assertThat(anti.forRequest(request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
        assertThat(affinity.forRequest(request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void antiAffinityKeepsAMemberOffHostsThatRunOne() {
        RequestSpec r = inGroup(Policy.ANTI_AFFINITY, 1, Map.of("a", 1));
        assertThat(anti.check(a, r)).isEqualTo(new FilterResult.Reject("already hosts a member of group G"));
        assertThat(anti.passes(b, r)).isTrue();
    }

    @Test
    void antiAffinityWithMaxServerPerHostTwoAllowsASecondMemberButNotAThird() {
        assertThat(anti.passes(a, inGroup(Policy.ANTI_AFFINITY, 2, Map.of("a", 1)))).isTrue();
        assertThat(anti.passes(a, inGroup(Policy.ANTI_AFFINITY, 2, Map.of("a", 2)))).isFalse();
    }

    @Test
    void antiAffinityLetsAnInstanceStayOnTheHostItRunsOn() {
        HostState source = host("a").instances("instance-1").build();
        assertThat(anti.passes(source, inGroup(Policy.ANTI_AFFINITY, 1, Map.of("a", 1)))).isTrue();
    }

    @Test
    void antiAffinityIgnoresOtherPolicies() {
        assertThat(anti.forRequest(inGroup(Policy.SOFT_ANTI_AFFINITY, 1, Map.of("a", 1))))
                .isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void affinityLetsTheFirstMemberGoAnywhere() {
        assertThat(affinity.forRequest(inGroup(Policy.AFFINITY, 1, Map.of()))).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void affinitySendsLaterMembersToTheGroupsHosts() {
        RequestSpec r = inGroup(Policy.AFFINITY, 1, Map.of("a", 2));
        assertThat(affinity.passes(a, r)).isTrue();
        assertThat(affinity.check(b, r)).isEqualTo(new FilterResult.Reject("not a host of group G"));
    }

    @Test
    void affinityIgnoresSoftAffinity() {
        assertThat(affinity.forRequest(inGroup(Policy.SOFT_AFFINITY, 1, Map.of("a", 2))))
                .isSameAs(HostCheck.NOTHING_TO_CHECK);
    }
}
