package dev.overcast.placement.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class StandardTraitsTest {

    @Test
    void theListHoldsTheTraitsNovaAndTheSchedulerRelyOn() {
        assertThat(StandardTraits.all()).contains("HW_CPU_X86_AVX2", "COMPUTE_STATUS_DISABLED",
                "COMPUTE_IMAGE_TYPE_RAW", "COMPUTE_IMAGE_TYPE_QCOW2", "MISC_SHARES_VIA_AGGREGATE", "HW_NIC_SRIOV",
                "HW_CPU_X86_SSE", "HW_CPU_X86_SHA", "COMPUTE_NODE", "HW_NUMA_ROOT", "STORAGE_DISK_SSD",
                "HW_GPU_RESOLUTION_W1920H1080", "COMPUTE_VOLUME_MULTI_ATTACH");
        assertThat(StandardTraits.isStandard("HW_CPU_X86_AVX2")).isTrue();
    }

    @Test
    void theResourceListsEveryNameOnceAndNoCustomOnes() {
        List<String> names = StandardTraits.parse(StandardTraits.read());
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).hasSizeGreaterThan(350).noneMatch(n -> n.startsWith("CUSTOM_"))
                .allMatch(n -> n.matches("[A-Z][A-Z0-9_]*"));
        assertThat(StandardTraits.all()).hasSameSizeAs(names);
    }

    @Test
    void customAndUnknownNamesAreNotStandard() {
        assertThat(StandardTraits.isStandard("CUSTOM_GOLD")).isFalse();
        assertThat(StandardTraits.isStandard("HW_CPU_X86_NOT_A_THING")).isFalse();
        assertThat(StandardTraits.isStandard("hw_cpu_x86_avx2")).isFalse();
    }

    @Test
    void aRepeatedMalformedOrCustomNameFailsTheLoad() {
        assertThat(StandardTraits.parse("# header\n\nHW_A\n  HW_B  \n")).containsExactly("HW_A", "HW_B");
        assertThatThrownBy(() -> StandardTraits.parse("HW_A\nHW_A\n")).hasMessageContaining("twice: HW_A");
        assertThatThrownBy(() -> StandardTraits.parse("hw_a\n")).hasMessageContaining("hw_a");
        assertThatThrownBy(() -> StandardTraits.parse("CUSTOM_A\n")).hasMessageContaining("CUSTOM_A");
    }
}
