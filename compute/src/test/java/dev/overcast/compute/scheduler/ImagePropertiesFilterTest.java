package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePropertiesFilterTest {
    private final ImagePropertiesFilter filter = new ImagePropertiesFilter(null);
    private final HostState x86Qemu = host("x86").supports(new SupportedInstance("x86_64", "qemu", "hvm"))
            .hypervisor("QEMU", 8_002_000).build();
    private final HostState armKvm = host("arm").supports(new SupportedInstance("aarch64", "kvm", "hvm")).build();

    private static RequestSpec image(Map<String, String> props) {
        return request().withImageProperties(props);
    }

    @Test
    void anImageThatAsksNothingFitsEveryHost() {
        assertThat(filter.forRequest(image(Map.of("disk_format", "qcow2")))).isSameAs(HostCheck.NOTHING_TO_CHECK);
    }

    @Test
    void theArchitectureMustBeSupported() {
        RequestSpec r = image(Map.of("hw_architecture", "x86_64"));
        assertThat(filter.passes(x86Qemu, r)).isTrue();
        assertThat(filter.passes(armKvm, r)).isFalse();
    }

    @Test
    void architectureHypervisorAndModeAreCanonicalised() {
        RequestSpec r = image(Map.of("hw_architecture", "AMD64", "img_hv_type", "QEMU", "hw_vm_mode", "hv"));
        assertThat(filter.passes(x86Qemu, r)).isTrue();
    }

    @Test
    void allGivenPropertiesMustMatchTheSameSupportedInstance() {
        RequestSpec r = image(Map.of("hw_architecture", "x86_64", "img_hv_type", "kvm"));
        HostState split = host("split").supports(new SupportedInstance("x86_64", "qemu", "hvm"),
                new SupportedInstance("aarch64", "kvm", "hvm")).build();
        assertThat(filter.passes(split, r)).isFalse();
    }

    @Test
    void aHostReportingNoSupportedInstancesFailsWhenTheImageAsksSomething() {
        HostState none = host("none").supports().build();
        assertThat(filter.check(none, image(Map.of("hw_vm_mode", "hvm"))).passed()).isFalse();
    }

    @Test
    void theRequestedHypervisorVersionMustBeSatisfied() {
        RequestSpec wantsEight = image(Map.of("img_hv_type", "qemu", "img_hv_requested_version", ">= 8.0, < 9.0"));
        RequestSpec wantsNine = image(Map.of("img_hv_type", "qemu", "img_hv_requested_version", ">=9.0"));
        assertThat(filter.passes(x86Qemu, wantsEight)).isTrue();
        assertThat(filter.passes(x86Qemu, wantsNine)).isFalse();
    }

    @Test
    void aHostWithoutAKnownVersionIsNotJudgedOnIt() {
        HostState unknownVersion = host("u").hypervisor("QEMU", 0).build();
        RequestSpec r = image(Map.of("img_hv_type", "qemu", "img_hv_requested_version", ">=9.0"));
        assertThat(filter.passes(unknownVersion, r)).isTrue();
    }

    @Test
    void theDefaultArchitectureAppliesToImagesWithoutOne() {
        ImagePropertiesFilter withDefault = new ImagePropertiesFilter("aarch64");
        assertThat(withDefault.passes(x86Qemu, image(Map.of()))).isFalse();
        assertThat(withDefault.passes(armKvm, image(Map.of()))).isTrue();
    }
}
