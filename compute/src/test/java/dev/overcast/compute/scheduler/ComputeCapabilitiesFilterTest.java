package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.requestWithExtraSpecs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeCapabilitiesFilterTest {
    private final ComputeCapabilitiesFilter filter = new ComputeCapabilitiesFilter();

    @Test
    void aFlavorWithoutExtraSpecsChecksNothing() {
        assertThat(filter.forRequest(TestHosts.request())).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void extraSpecsOfOtherScopesAreLeftToOthers() {
        RequestSpec r = requestWithExtraSpecs(Map.of("hw:cpu_policy", "dedicated", "resources:VCPU", "2",
                "trait:HW_CPU_X86_AVX2", "required", "aggregate_instance_extra_specs:ssd", "true"));
        assertThat(filter.forRequest(r)).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void anUnscopedKeyIsComparedWithTheHostAttributeOfThatName() {
        RequestSpec r = requestWithExtraSpecs(Map.of("hypervisor_type", "s== QEMU"));
        assertThat(filter.passes(host("a").hypervisor("QEMU", 1).build(), r)).isTrue();
        assertThat(filter.passes(host("b").hypervisor("ironic", 1).build(), r)).isFalse();
    }

    @Test
    void aCapabilitiesScopedKeyReadsTheHostsCapabilitiesWithNestedKeys() {
        RequestSpec r = requestWithExtraSpecs(Map.of("capabilities:cpu_info:vendor", "Intel"));
        assertThat(filter.passes(host("a").capability("cpu_info:vendor", "Intel").build(), r)).isTrue();
        assertThat(filter.check(host("b").capability("cpu_info:vendor", "AMD").build(), r))
                .isEqualTo(new FilterResult.Reject("cpu_info:vendor is not Intel"));
    }

    @Test
    void aCapabilityTheHostLacksFailsTheHost() {
        RequestSpec r = requestWithExtraSpecs(Map.of("capabilities:gpu_model", "s!= A100"));
        assertThat(filter.check(host("a").build(), r)).isEqualTo(new FilterResult.Reject("no capability gpu_model"));
    }

    @Test
    void numericAttributesAreComparedAsNumbers() {
        RequestSpec r = requestWithExtraSpecs(Map.of("capabilities:free_ram_mb", ">= 4096",
                "vcpus_total", "= 8"));
        assertThat(filter.passes(host("big").ram(8192, 1024).vcpus(16, 0).build(), r)).isTrue();
        assertThat(filter.passes(host("little-ram").ram(8192, 6144).vcpus(16, 0).build(), r)).isFalse();
        assertThat(filter.passes(host("few-cpus").ram(8192, 0).vcpus(4, 0).build(), r)).isFalse();
    }

    @Test
    void hypervisorVersionTakesNovasIntegerEncoding() {
        RequestSpec r = requestWithExtraSpecs(Map.of("hypervisor_version", ">= 8000000"));
        assertThat(filter.passes(host("new").hypervisor("QEMU", 8_002_000).build(), r)).isTrue();
        assertThat(filter.passes(host("old").hypervisor("QEMU", 6_000_000).build(), r)).isFalse();
    }

    @Test
    void textOperatorsOverANumericAttributeCompareItsText() {
        RequestSpec r = requestWithExtraSpecs(Map.of("num_instances", "s== 3"));
        assertThat(filter.passes(host("a").instanceCount(3).build(), r)).isTrue();
        assertThat(filter.passes(host("b").instanceCount(2).build(), r)).isFalse();
    }

    @Test
    void everyRequirementMustHold() {
        RequestSpec r = requestWithExtraSpecs(Map.of("capabilities:cpu_info:features", "<all-in> avx avx2",
                "capabilities:hw_model", "<or> m5 <or> m6"));
        HostState both = host("a").capability("cpu_info:features", "[avx, avx2, sse4]").capability("hw_model", "m6")
                .build();
        HostState oneMissing = host("b").capability("cpu_info:features", "[avx, sse4]").capability("hw_model", "m6")
                .build();
        assertThat(filter.passes(both, r)).isTrue();
        assertThat(filter.passes(oneMissing, r)).isFalse();
    }
}
