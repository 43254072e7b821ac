package dev.overcast.compute.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class NovaTimeTest {
    @Test
    void timesAreWrittenInUtcWithMicrosecondsAndNoZone() {
        assertThat(NovaTime.format(Instant.parse("2016-12-27T22:51:32.877711Z"))).isEqualTo("2016-12-27T22:51:32.877711");
        assertThat(NovaTime.format(Instant.parse("2016-12-27T22:51:32Z"))).isEqualTo("2016-12-27T22:51:32.000000");
        assertThat(NovaTime.format(null)).isNull();
    }

    @Test
    void timesAreReadInTheThreeFormsNovaAcceptsAsUtc() {
        assertThat(NovaTime.parse("2026-01-01T10:00:00")).contains(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(NovaTime.parse("2026-01-01T10:00:00.5")).contains(Instant.parse("2026-01-01T10:00:00.500Z"));
        assertThat(NovaTime.parse("2026-01-01 10:00:00.123456")).contains(Instant.parse("2026-01-01T10:00:00.123456Z"));
        assertThat(NovaTime.parse("2026-01-01 10:00:00")).isEmpty();
        assertThat(NovaTime.parse("2026-01-01T10:00:00Z")).isEmpty();
        assertThat(NovaTime.parse("yesterday")).isEmpty();
    }
}
