package dev.overcast.compute.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class UsageTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant STOP = START.plus(Duration.ofHours(10));

    private static UsageInstance instance(String project, Instant launched, Instant terminated) {
        return new UsageInstance("i-" + launched + terminated, project, "vm", "active", "m1", 2, 1024, 15, launched,
                terminated);
    }

    private static Instant at(int hours) {
        return START.plus(Duration.ofHours(hours));
    }

    @Test
    void anInstanceIsChargedOnlyForTheHoursItRanInsideTheWindow() {
        assertThat(Usage.hours(instance("p", at(-2), null), START, STOP)).isEqualTo(10.0);
        assertThat(Usage.hours(instance("p", at(2), null), START, STOP)).isEqualTo(8.0);
        assertThat(Usage.hours(instance("p", at(2), at(5)), START, STOP)).isEqualTo(3.0);
        assertThat(Usage.hours(instance("p", at(-5), at(1)), START, STOP)).isEqualTo(1.0);
        assertThat(Usage.hours(instance("p", at(-5), at(-1)), START, STOP)).isZero();
        assertThat(Usage.hours(instance("p", at(11), null), START, STOP)).isZero();
        assertThat(Usage.hours(instance("p", null, null), START, STOP)).isZero();
        assertThat(Usage.hours(instance("p", START.plusSeconds(90), START.plusSeconds(180)), START, STOP))
                .isCloseTo(0.025, within(1e-12));
    }

    @Test
    void aProjectsTotalsAreHoursTimesItsFlavorsAmounts() {
        UsageInstance big = new UsageInstance("a", "p1", "big", "active", "m1.big", 4, 2048, 30, at(0), null);
        UsageInstance small = new UsageInstance("b", "p1", "small", "stopped", "m1.small", 1, 512, 1, at(8), at(9));
        UsageInstance other = new UsageInstance("c", "p2", "other", "active", "m1.small", 1, 512, 1, at(5), null);
        List<Usage.TenantUsage> usages = Usage.of(List.of(big, small, other), START, STOP, at(12));
        assertThat(usages).extracting(Usage.TenantUsage::projectId).containsExactly("p1", "p2");
        Usage.TenantUsage p1 = usages.getFirst();
        assertThat(p1.totalHours()).isEqualTo(11.0);
        assertThat(p1.totalVcpusUsage()).isEqualTo(4 * 10 + 1);
        assertThat(p1.totalMemoryMbUsage()).isEqualTo(2048 * 10 + 512);
        assertThat(p1.totalLocalGbUsage()).isEqualTo(30 * 10 + 1);
        assertThat(p1.servers()).extracting(Usage.ServerUsage::state).containsExactly("active", "terminated");
        // Uptime runs to now for a running instance and to its end for a terminated one.
        assertThat(p1.servers()).extracting(Usage.ServerUsage::uptimeSeconds).containsExactly(12 * 3600L, 3600L);
    }
}
