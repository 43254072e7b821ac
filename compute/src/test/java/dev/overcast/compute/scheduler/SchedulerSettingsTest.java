package dev.overcast.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {

    @Test
    void defaultsAreNovas() {
        SchedulerSettings s = SchedulerSettings.defaults();
        assertThat(s.enabledFilters()).containsExactly("ComputeFilter", "ComputeCapabilitiesFilter",
                "ImagePropertiesFilter", "ServerGroupAntiAffinityFilter", "ServerGroupAffinityFilter");
        assertThat(s.weighers()).hasSize(8);
        assertThat(s.ramWeightMultiplier()).isEqualTo(1.0);
        assertThat(s.cpuWeightMultiplier()).isEqualTo(1.0);
        assertThat(s.diskWeightMultiplier()).isEqualTo(1.0);
        assertThat(s.ioOpsWeightMultiplier()).isEqualTo(-1.0);
        assertThat(s.numInstancesWeightMultiplier()).isEqualTo(0.0);
        assertThat(s.softAffinityWeightMultiplier()).isEqualTo(1.0);
        assertThat(s.softAntiAffinityWeightMultiplier()).isEqualTo(1.0);
        assertThat(s.buildFailureWeightMultiplier()).isEqualTo(1_000_000.0);
        assertThat(s.hostSubsetSize()).isEqualTo(1);
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.maxPlacementResults()).isEqualTo(1000);
        assertThat(s.queryPlacementForAvailabilityZone()).isTrue();
        assertThat(s.queryPlacementForImageTypeSupport()).isFalse();
        assertThat(s.limitTenantsToPlacementAggregate()).isFalse();
        assertThat(s.defaultAvailabilityZone()).isEqualTo("nova");
    }

    @Test
    void anUnknownFilterIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> SchedulerSettings.builder().enabledFilters("RamFilter").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown filter RamFilter")
                .hasMessageContaining("ComputeFilter");
    }

    @Test
    void anUnknownWeigherIsRefused() {
        assertThatThrownBy(() -> SchedulerSettings.builder().weighers("MetricsWeigher").build())
                .hasMessageContaining("unknown weigher MetricsWeigher");
    }

    @Test
    void aHostSubsetOfZeroIsRefused() {
        assertThatThrownBy(() -> SchedulerSettings.builder().hostSubsetSize(0).build())
                .hasMessage("host_subset_size must be 1 or more, got 0");
    }

    @Test
    void toBuilderKeepsEveryOption() {
        SchedulerSettings s = SchedulerSettings.builder().hostSubsetSize(4).ramWeightMultiplier(-1)
                .defaultAvailabilityZone("az0").build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }
}
