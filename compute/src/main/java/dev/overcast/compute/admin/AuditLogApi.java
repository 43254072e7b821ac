package dev.overcast.compute.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.TreeSet;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /os-instance_usage_audit_log} and {@code /os-instance_usage_audit_log/{before}}:
 * how far the compute hosts got with the instance usage audit of the last completed period
 * (Nova's default {@code instance_usage_audit_period}, a month, ending on the first of a month
 * at midnight UTC; the one completed before {@code before} for the second form). Overcast's
 * hosts run no usage audit and record no task logs, so every compute host, disabled ones
 * included, is one that has not run, as Nova reports a cloud whose hosts have the audit off.
 */
public final class AuditLogApi {
    /** Python's {@code str(datetime)} for a time without microseconds. */
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** {@code %Y-%m-%d %H:%M:%S}, which like Python's {@code strptime} takes one or two digits a field. */
    private static final DateTimeFormatter BEFORE = DateTimeFormatter.ofPattern("uuuu-M-d H:m:s");
    /** The same with {@code .%f}: Python's {@code %f} reads one to six digits. */
    private static final DateTimeFormatter BEFORE_FRACTION = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-M-d H:m:s.").appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, false)
            .toFormatter();

    private final ComputeContext ctx;

    public AuditLogApi(ComputeContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-instance_usage_audit_log", this::list)
                .get("/v2.1/os-instance_usage_audit_log/{before_timestamp}", this::show);
    }

    private Response list(Request req) {
        ctx.enforce(req, AdminPolicy.AUDIT_LOG_LIST, Map.of());
        LocalDateTime now = LocalDateTime.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        ObjectNode out = Json.object();
        out.set("instance_usage_audit_logs", log(now));
        return Response.ok(out);
    }

    private Response show(Request req) {
        ctx.enforce(req, AdminPolicy.AUDIT_LOG_SHOW, Map.of());
        String id = req.param("before_timestamp");
        LocalDateTime before;
        try {
            before = LocalDateTime.parse(id, id.contains(".") ? BEFORE_FRACTION : BEFORE);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid timestamp for date " + id);
        }
        ObjectNode out = Json.object();
        out.set("instance_usage_audit_log", log(before));
        return Response.ok(out);
    }

    /** The audit of the period completed before {@code rightNow}, with no task logs to report. */
    private ObjectNode log(LocalDateTime rightNow) {
        Period period = Period.lastCompletedMonth(rightNow);
        TreeSet<String> hosts = new TreeSet<>();
        for (CellMapping cell : ctx.cells().all()) {
            new ServiceRecords(ctx.cells().db(cell), ctx.clock(), ctx.settings().serviceDownTime())
                    .byBinary(ServiceRecord.COMPUTE).keySet().forEach(hosts::add);
        }
        ObjectNode out = Json.object();
        var notRun = out.putArray("hosts_not_run");
        hosts.forEach(notRun::add);
        out.putObject("log");
        out.put("num_hosts", hosts.size());
        out.put("num_hosts_done", 0);
        out.put("num_hosts_not_run", hosts.size());
        out.put("num_hosts_running", 0);
        out.put("overall_status", (hosts.isEmpty() ? "ALL" : "0 of " + hosts.size()) + " hosts done. 0 errors.");
        out.put("period_beginning", PERIOD.format(period.beginning()));
        out.put("period_ending", PERIOD.format(period.ending()));
        out.put("total_errors", 0);
        out.put("total_instances", 0);
        return out;
    }

    /** An audit period, as Nova's {@code last_completed_audit_period}. */
    record Period(LocalDateTime beginning, LocalDateTime ending) {
        /** The last whole month that ended before {@code rightNow} (strictly: a month ending at it is not done). */
        static Period lastCompletedMonth(LocalDateTime rightNow) {
            LocalDateTime end = rightNow.toLocalDate().withDayOfMonth(1).atStartOfDay();
            if (!end.isBefore(rightNow)) {
                end = end.minusMonths(1);
            }
            return new Period(end.minusMonths(1), end);
        }
    }
}
