package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.aggregate;
import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static dev.overcast.compute.scheduler.TestHosts.requestWithExtraSpecs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateFiltersTest {
    private final HostState plain = host("plain").build();

    @Test
    void instanceExtraSpecsMatchAValueOfTheHostsAggregates() {
        var filter = new AggregateInstanceExtraSpecsFilter();
        RequestSpec r = requestWithExtraSpecs(Map.of("aggregate_instance_extra_specs:ssd", "true"));
        HostState ssd = host("ssd").aggregate(aggregate("fast", Map.of("ssd", "true"))).build();
        HostState spinning = host("hdd").aggregate(aggregate("slow", Map.of("ssd", "false"))).build();
        assertThat(filter.passes(ssd, r)).isTrue();
        assertThat(filter.check(spinning, r)).isEqualTo(new FilterResult.Reject("aggregate ssd is not true"));
        assertThat(filter.check(plain, r)).isEqualTo(new FilterResult.Reject("no aggregate sets ssd"));
    }

    @Test
    void instanceExtraSpecsReadCommaSeparatedValuesAndOperators() {
        var filter = new AggregateInstanceExtraSpecsFilter();
        HostState h = host("h").aggregate(aggregate("a", Map.of("hv", "kvm, qemu", "gen", "3"))).build();
        assertThat(filter.passes(h, requestWithExtraSpecs(Map.of("hv", "qemu")))).isTrue();
        assertThat(filter.passes(h, requestWithExtraSpecs(Map.of("hv", "<or> xen <or> kvm")))).isTrue();
        assertThat(filter.passes(h, requestWithExtraSpecs(Map.of("gen", ">= 2")))).isTrue();
        assertThat(filter.passes(h, requestWithExtraSpecs(Map.of("gen", ">= 4")))).isFalse();
    }

    @Test
    void instanceExtraSpecsLeaveOtherScopesAlone() {
        var filter = new AggregateInstanceExtraSpecsFilter();
        assertThat(filter.forRequest(requestWithExtraSpecs(Map.of("hw:mem_page_size", "large",
                "capabilities:hypervisor_type", "QEMU")))).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void multiTenancyIsolationKeepsOtherProjectsOutOfIsolatedHosts() {
        var filter = new AggregateMultiTenancyIsolation();
        HostState isolated = host("iso").aggregate(aggregate("a", Map.of("filter_tenant_id", "p1,p2"))).build();
        HostState isolatedByPrefix = host("iso2")
                .aggregate(aggregate("b", Map.of("filter_tenant_id_2", "p3"))).build();
        assertThat(filter.passes(isolated, request())).isTrue();
        assertThat(filter.passes(isolatedByPrefix, request())).isFalse();
        assertThat(filter.passes(plain, request())).isTrue();
    }

    @Test
    void multiTenancyIsolationAcceptsAProjectNamedInAnyOfTheKeys() {
        var filter = new AggregateMultiTenancyIsolation();
        HostState h = host("h").aggregate(aggregate("a", Map.of("filter_tenant_id", "p9")))
                .aggregate(aggregate("b", Map.of("filter_tenant_id_x", "p1"))).build();
        assertThat(filter.passes(h, request())).isTrue();
    }

    @Test
    void availabilityZoneFilterKeepsHostsOfTheZone() {
        var filter = new AvailabilityZoneFilter("nova");
        HostState inAz1 = host("a").aggregate(aggregate("az1", Map.of("availability_zone", "az1"))).build();
        RequestSpec wantsAz1 = request().withAvailabilityZone("az1");
        assertThat(filter.passes(inAz1, wantsAz1)).isTrue();
        assertThat(filter.check(plain, wantsAz1)).isEqualTo(new FilterResult.Reject("not in availability zone az1"));
        assertThat(filter.forRequest(request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void hostsInNoZoneAreInTheDefaultZone() {
        var filter = new AvailabilityZoneFilter("nova");
        HostState inAz1 = host("a").aggregate(aggregate("az1", Map.of("availability_zone", "az1"))).build();
        RequestSpec wantsNova = request().withAvailabilityZone("nova");
        assertThat(filter.passes(plain, wantsNova)).isTrue();
        assertThat(filter.passes(inAz1, wantsNova)).isFalse();
    }

    @Test
    void aggregateNumInstancesTakesTheSmallestAggregateLimitElseTheOption() {
        var filter = new AggregateNumInstancesFilter(50);
        HostState limited = host("l").instanceCount(3)
                .aggregate(aggregate("a", Map.of("max_instances_per_host", "5")))
                .aggregate(aggregate("b", Map.of("max_instances_per_host", "3"))).build();
        assertThat(filter.passes(limited, request())).isFalse();
        assertThat(filter.passes(host("free").instanceCount(3).build(), request())).isTrue();
        HostState badValue = host("bad").instanceCount(3)
                .aggregate(aggregate("c", Map.of("max_instances_per_host", "many"))).build();
        assertThat(filter.passes(badValue, request())).isTrue();
    }

    @Test
    void aggregateIoOpsTakesTheAggregateLimitElseTheOption() {
        var filter = new AggregateIoOpsFilter(8);
        HostState limited = host("l").ioOps(2).aggregate(aggregate("a", Map.of("max_io_ops_per_host", "2"))).build();
        assertThat(filter.passes(limited, request())).isFalse();
        assertThat(filter.passes(host("free").ioOps(7).build(), request())).isTrue();
        assertThat(filter.passes(host("busy").ioOps(8).build(), request())).isFalse();
    }
}
