package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostAndCountFiltersTest {
    private final HostState runsX = host("a").instances("x").build();
    private final HostState runsY = host("b").instances("y").build();

    @Test
    void sameHostKeepsHostsRunningOneOfTheNamedInstances() {
        var filter = new SameHostFilter();
        RequestSpec r = request().withSchedulerHints(Map.of("same_host", List.of("x", "z")));
        assertThat(filter.passes(runsX, r)).isTrue();
        assertThat(filter.passes(runsY, r)).isFalse();
        assertThat(filter.forRequest(request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void differentHostKeepsHostsRunningNoneOfTheNamedInstances() {
        var filter = new DifferentHostFilter();
        RequestSpec r = request().withSchedulerHints(Map.of("different_host", List.of("x")));
        assertThat(filter.passes(runsX, r)).isFalse();
        assertThat(filter.passes(runsY, r)).isTrue();
        assertThat(filter.forRequest(request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void numInstancesPassesBelowTheLimitOnly() {
        var filter = new NumInstancesFilter(3);
        assertThat(filter.passes(host("a").instanceCount(2).build(), request())).isTrue();
        assertThat(filter.check(host("b").instanceCount(3).build(), request()))
                .isEqualTo(new FilterResult.Reject("max_instances_per_host=3 reached"));
    }

    @Test
    void ioOpsPassesBelowTheLimitOnly() {
        var filter = new IoOpsFilter(8);
        assertThat(filter.passes(host("a").ioOps(7).build(), request())).isTrue();
        assertThat(filter.passes(host("b").ioOps(8).build(), request())).isFalse();
    }

    @Test
    void theDefaultsAreNovas() {
        SchedulerSettings s = SchedulerSettings.defaults();
        assertThat(s.maxInstancesPerHost()).isEqualTo(50);
        assertThat(s.maxIoOpsPerHost()).isEqualTo(8);
    }
}
