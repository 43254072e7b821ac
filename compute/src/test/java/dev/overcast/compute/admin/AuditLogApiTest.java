package dev.overcast.compute.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** /os-instance_usage_audit_log over HTTP, as Tempest's audit log tests use it, and its audit period. */
class AuditLogApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hosts() {
        server.startAgent(2);
    }

    @Test
    void theListReportsEveryComputeHostAsNotRun() {
        Reply reply = server.admin("2.1").get("/v2.1/os-instance_usage_audit_log");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode log = reply.json().path("instance_usage_audit_logs");
        List<String> notRun = new ArrayList<>();
        log.path("hosts_not_run").forEach(h -> notRun.add(h.asString()));
        assertThat(notRun).containsExactly("compute1", "compute2");
        assertThat(log.path("num_hosts").asInt()).isEqualTo(2);
        assertThat(log.path("num_hosts_not_run").asInt()).isEqualTo(2);
        assertThat(log.path("num_hosts_done").asInt()).isZero();
        assertThat(log.path("num_hosts_running").asInt()).isZero();
        assertThat(log.path("total_errors").asInt()).isZero();
        assertThat(log.path("total_instances").asInt()).isZero();
        assertThat(log.path("overall_status").asString()).isEqualTo("0 of 2 hosts done. 0 errors.");
        assertThat(log.path("log").isObject()).isTrue();
        assertThat(log.path("log")).isEmpty();
        assertThat(log.path("period_beginning").asString()).matches("\\d{4}-\\d\\d-01 00:00:00");
        assertThat(log.path("period_ending").asString()).matches("\\d{4}-\\d\\d-01 00:00:00");
        assertThat(log.size()).isEqualTo(11);
    }

    @Test
    void theAuditBeforeATimeIsTheMonthCompletedBeforeIt() {
        Reply reply = server.admin("2.1").get("/v2.1/os-instance_usage_audit_log/2024-03-15%2010:00:00");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode log = reply.json().path("instance_usage_audit_log");
        assertThat(log.path("period_beginning").asString()).isEqualTo("2024-02-01 00:00:00");
        assertThat(log.path("period_ending").asString()).isEqualTo("2024-03-01 00:00:00");
        Reply fraction = server.admin("2.1").get("/v2.1/os-instance_usage_audit_log/2024-01-01%2000:00:00.5");
        assertThat(fraction.json().at("/instance_usage_audit_log/period_ending").asString())
                .isEqualTo("2024-01-01 00:00:00");
    }

    @Test
    void anInvalidTimeIsABadRequest() {
        Reply reply = server.admin("2.1").get("/v2.1/os-instance_usage_audit_log/invalid_time");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString())
                .isEqualTo("Invalid timestamp for date invalid_time");
    }

    @Test
    void onlyAdminsMayReadTheAudit() {
        assertThat(server.member("u1", "p1", "2.1").get("/v2.1/os-instance_usage_audit_log").status())
                .isEqualTo(403);
        assertThat(server.member("u1", "p1", "2.1").get("/v2.1/os-instance_usage_audit_log/2024-03-15%2010:00:00")
                .status()).isEqualTo(403);
    }

    @Test
    void aMonthEndingExactlyNowIsNotYetCompleted() {
        AuditLogApi.Period atMidnight = AuditLogApi.Period.lastCompletedMonth(LocalDateTime.of(2024, 3, 1, 0, 0));
        assertThat(atMidnight.beginning()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(atMidnight.ending()).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
        AuditLogApi.Period january = AuditLogApi.Period.lastCompletedMonth(LocalDateTime.of(2024, 1, 20, 8, 0));
        assertThat(january.beginning()).isEqualTo(LocalDateTime.of(2023, 12, 1, 0, 0));
        assertThat(january.ending()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    }
}
