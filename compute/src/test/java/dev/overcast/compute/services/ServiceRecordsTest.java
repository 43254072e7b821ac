package dev.overcast.compute.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.ComputeSettings;
import dev.overcast.testkit.MutableClock;

class ServiceRecordsTest {
    static final MutableClock clock = MutableClock.startingNow();
    @RegisterExtension
    static final ComputeServer server = new ComputeServer(clock, ComputeSettings.defaults());
    static ServiceRecords records;

    @BeforeAll
    static void start() {
        records = new ServiceRecords(server.context().cells().db(server.context().cells().buildable().getFirst()),
                clock, Duration.ofSeconds(60));
    }

    @Test
    void registeringAgainUpdatesTheRecordInsteadOfAddingOne() {
        ServiceRecord first = records.register("ctl-a", ServiceRecord.CONDUCTOR, "conductor");
        ServiceRecord again = records.register("ctl-a", ServiceRecord.CONDUCTOR, "conductor");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(again.reportCount()).isEqualTo(first.reportCount() + 1);
        assertThat(again.version()).isEqualTo(ServiceRecords.SERVICE_VERSION);
        assertThat(records.byBinary(ServiceRecord.CONDUCTOR).keySet()).containsOnlyOnce("ctl-a");
    }

    @Test
    void aServiceIsUpWhileItReportsWithinTheDownTime() {
        ServiceRecord s = records.register("sch-a", ServiceRecord.SCHEDULER, "scheduler");
        assertThat(records.isUp(s)).isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(records.isUp(records.byId(s.id()).orElseThrow())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(records.isUp(records.byId(s.id()).orElseThrow())).isFalse();

        assertThat(records.heartbeat(s.id())).isTrue();
        ServiceRecord after = records.byId(s.id()).orElseThrow();
        assertThat(records.isUp(after)).isTrue();
        assertThat(after.reportCount()).isEqualTo(s.reportCount() + 1);
    }

    @Test
    void aForcedDownServiceIsDownWhateverItReports() {
        ServiceRecord s = records.register("cmp-a", ServiceRecord.COMPUTE, "compute");
        records.setForcedDown(s.id(), true);
        records.heartbeat(s.id());

        assertThat(records.isUp(records.byId(s.id()).orElseThrow())).isFalse();
    }

    @Test
    void aServiceThatNeverReportedCountsFromItsLastUpdateOrCreation() {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        ServiceRecord never = new ServiceRecord(1, "u", "h", ServiceRecord.COMPUTE, "compute", 0, false, null, false,
                null, 66, created, null);

        assertThat(never.isUp(created.plusSeconds(60), Duration.ofSeconds(60))).isTrue();
        assertThat(never.isUp(created.plusSeconds(61), Duration.ofSeconds(60))).isFalse();
        assertThat(never.isUp(created.minusSeconds(3600), Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void aDeletedServiceNoLongerReportsAndRegistersAnewWithAnotherUuid() {
        ServiceRecord s = records.register("cmp-b", ServiceRecord.COMPUTE, "compute");
        assertThat(records.delete(s.id())).isTrue();

        assertThat(records.heartbeat(List.of(s.id()))).isZero();
        assertThat(records.byUuid(s.uuid())).isEmpty();
        assertThat(records.delete(s.id())).isFalse();
        ServiceRecord again = records.register("cmp-b", ServiceRecord.COMPUTE, "compute");
        assertThat(again.uuid()).isNotEqualTo(s.uuid());
    }

    @Test
    void disablingKeepsAReasonAndEnablingDropsIt() {
        ServiceRecord s = records.register("cmp-c", ServiceRecord.COMPUTE, "compute");

        assertThat(records.setDisabled(s.id(), true, "rack power").orElseThrow().disabledReason())
                .isEqualTo("rack power");
        ServiceRecord enabled = records.setDisabled(s.id(), false, "ignored").orElseThrow();
        assertThat(enabled.disabled()).isFalse();
        assertThat(enabled.disabledReason()).isNull();
    }
}
