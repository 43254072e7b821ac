package dev.overcast.compute.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** ISO 8601 times as oslo reads them. */
class IsoTimeTest {
    @Test
    void timesWithAndWithoutOffsetsAndDatesAreRead() {
        assertThat(IsoTime.parse("2024-01-02T03:04:05Z")).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(IsoTime.parse("2024-01-02T03:04:05.5+01:00")).contains(Instant.parse("2024-01-02T02:04:05.5Z"));
        assertThat(IsoTime.parse("2024-01-02T03:04:05")).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(IsoTime.parse("2024-01-02 03:04:05")).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(IsoTime.parse("2024-01-02")).contains(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(IsoTime.parse("yesterday")).isEmpty();
    }
}
