package dev.overcast.compute.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ZonesTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static ServiceRecord service(String host, String binary, boolean disabled) {
        return new ServiceRecord(host, binary, disabled, false, NOW, NOW);
    }

    @Test
    void computeHostsTakeTheirAggregatesZoneOrTheDefaultAndOtherServicesTheInternalOne() {
        Zones zones = Zones.of(List.of(service("c1", "nova-compute", false), service("c2", "nova-compute", false),
                service("ctl", "nova-conductor", false)), Map.of("c2", "east")::get, "nova");
        assertThat(zones.services()).extracting(Zones.Placed::zone).containsExactly("nova", "east", "internal");
        assertThat(zones.available()).containsExactly("east", "internal", "nova");
        assertThat(zones.notAvailable()).isEmpty();
    }

    @Test
    void aZoneOfOnlyDisabledServicesIsNotAvailableAndAZoneWithAnEnabledOneIs() {
        Zones zones = Zones.of(List.of(service("c1", "nova-compute", true), service("c2", "nova-compute", true),
                service("c3", "nova-compute", false)), Map.of("c1", "off", "c2", "mixed", "c3", "mixed")::get, "nova");
        assertThat(zones.available()).containsExactly("mixed");
        assertThat(zones.notAvailable()).containsExactly("off");
        assertThat(zones.enabledByHost("mixed")).containsOnlyKeys("c3");
    }

    @Test
    void aServiceIsUpWhileHeardFromWithinTheDownTimeAndNotForcedDown() {
        Duration down = Duration.ofSeconds(60);
        assertThat(new ServiceRecord("h", "nova-compute", false, false, NOW.minusSeconds(60), null).isUp(NOW, down))
                .isTrue();
        assertThat(new ServiceRecord("h", "nova-compute", false, false, NOW.minusSeconds(61), null).isUp(NOW, down))
                .isFalse();
        assertThat(new ServiceRecord("h", "nova-compute", false, false, null, NOW).isUp(NOW, down)).isTrue();
        assertThat(new ServiceRecord("h", "nova-compute", false, false, null, null).isUp(NOW, down)).isFalse();
        assertThat(new ServiceRecord("h", "nova-compute", false, true, NOW, NOW).isUp(NOW, down)).isFalse();
    }
}
