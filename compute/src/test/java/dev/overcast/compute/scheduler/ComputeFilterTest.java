package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputeFilterTest {
    private final ComputeFilter filter = new ComputeFilter();

    @Test
    void anEnabledServiceThatIsUpPasses() {
        assertThat(filter.check(host("a").build(), request())).isEqualTo(FilterResult.PASS);
    }

    @Test
    void aDisabledServiceFailsEvenWhenUp() {
        HostState h = host("a").service(new Service(false, true, "maintenance")).build();
        assertThat(filter.check(h, request())).isSameAs(ComputeFilter.DISABLED);
    }

    @Test
    void aServiceThatStoppedReportingFails() {
        HostState h = host("a").service(new Service(true, false, null)).build();
        assertThat(filter.check(h, request())).isSameAs(ComputeFilter.DOWN);
    }
}
