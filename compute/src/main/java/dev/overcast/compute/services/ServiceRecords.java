package dev.overcast.compute.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code services} table of one cell: registering a service, its heartbeats, and the
 * operator's changes (disable, force down, delete). A service is up while it keeps reporting
 * in ({@link ServiceRecord#isUp}), as with Nova's database service group driver.
 *
 * <p>Registration and heartbeats come in batch forms, because one agent simulating a thousand
 * hosts registers and reports a thousand nova-compute services: a batch is one query to find
 * the rows and one statement to write them, not a round trip per host.
 */
public final class ServiceRecords {
    /** The service version this code registers, as Nova's {@code SERVICE_VERSION}. */
    public static final int SERVICE_VERSION = 66;

    static final String COLUMNS = "id, uuid, host, \"binary\", topic, report_count, disabled, disabled_reason, "
            + "forced_down, last_seen_up, version, created_at, updated_at";

    private final Jdbi db;
    private final Clock clock;
    private final Duration serviceDownTime;

    /**
     * @param db              the cell's database
     * @param serviceDownTime {@code service_down_time}: a service not heard from for this long is down
     */
    public ServiceRecords(Jdbi db, Clock clock, Duration serviceDownTime) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serviceDownTime = Objects.requireNonNull(serviceDownTime, "serviceDownTime");
    }

    /** Whether {@code service} is up now. */
    public boolean isUp(ServiceRecord service) {
        return service.isUp(clock.instant(), serviceDownTime);
    }

    /**
     * Creates the live record of {@code binary} on {@code host}, or updates the one there is
     * (its topic and version), and counts this as a report: the service is up from now.
     */
    public ServiceRecord register(String host, String binary, String topic) {
        return registerAll(binary, topic, List.of(host)).get(host);
    }

    /** {@link #register} for many hosts of one binary at once; the records by host. */
    public Map<String, ServiceRecord> registerAll(String binary, String topic, Collection<String> hosts) {
        Instant now = clock.instant();
        db.useTransaction(h -> {
            Map<String, ServiceRecord> existing = byHost(h, binary, hosts);
            var insert = h.prepareBatch("insert into services (uuid, host, \"binary\", topic, report_count, disabled, "
                    + "forced_down, last_seen_up, version, created_at, updated_at, deleted) "
                    + "values (:uuid, :host, :binary, :topic, 1, false, false, :now, :version, :now, :now, false)");
            boolean inserts = false;
            List<Long> known = new ArrayList<>();
            for (String host : hosts) {
                ServiceRecord s = existing.get(host);
                if (s == null) {
                    insert.bind("uuid", UUID.randomUUID().toString()).bind("host", host).bind("binary", binary)
                            .bind("topic", topic).bind("now", now).bind("version", SERVICE_VERSION).add();
                    inserts = true;
                } else {
                    known.add(s.id());
                }
            }
            if (inserts) {
                insert.execute();
            }
            for (List<Long> chunk : chunks(known)) {
                h.createUpdate("update services set topic = :topic, version = :version, report_count = report_count + 1, "
                                + "last_seen_up = :now, updated_at = :now where id in (<ids>)")
                        .bind("topic", topic).bind("version", SERVICE_VERSION).bind("now", now)
                        .bindList("ids", chunk).execute();
            }
        });
        return db.withHandle(h -> byHost(h, binary, hosts));
    }

    /** Counts a report from one service; false when its record was deleted. */
    public boolean heartbeat(long id) {
        return heartbeat(List.of(id)) == 1;
    }

    /**
     * Counts a report from each of {@code ids}: bumps {@code report_count} and
     * {@code last_seen_up}. Returns how many records there still were to report to; a deleted
     * record stays deleted, as in Nova, where the next restart registers the service again.
     */
    public int heartbeat(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return db.withHandle(h -> {
            int n = 0;
            for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
                n += h.createUpdate("update services set report_count = report_count + 1, last_seen_up = :now, "
                                + "updated_at = :now where id in (<ids>) and deleted = false")
                        .bind("now", now).bindList("ids", chunk).execute();
            }
            return n;
        });
    }

    /** Every live service of the cell, by id. */
    public List<ServiceRecord> all() {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from services where deleted = false order by id")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** The live services of {@code binary}, by host. */
    public Map<String, ServiceRecord> byBinary(String binary) {
        return db.withHandle(h -> {
            Map<String, ServiceRecord> out = new LinkedHashMap<>();
            h.createQuery("select " + COLUMNS + " from services where \"binary\" = :binary and deleted = false order by id")
                    .bind("binary", binary).map((rs, ctx) -> row(rs)).forEach(s -> out.put(s.host(), s));
            return out;
        });
    }

    public Optional<ServiceRecord> byId(long id) {
        return one("id = :v", id);
    }

    public Optional<ServiceRecord> byUuid(String uuid) {
        return one("uuid = :v", uuid);
    }

    public Optional<ServiceRecord> byHostAndBinary(String host, String binary) {
        return db.withHandle(h -> Optional.ofNullable(byHost(h, binary, List.of(host)).get(host)));
    }

    /** Disables or enables a service; {@code reason} is kept only when disabling. Returns the new record. */
    public Optional<ServiceRecord> setDisabled(long id, boolean disabled, String reason) {
        db.useHandle(h -> h.createUpdate("update services set disabled = :disabled, disabled_reason = :reason, "
                        + "updated_at = :now where id = :id and deleted = false")
                .bind("disabled", disabled).bind("reason", disabled ? reason : null)
                .bind("now", clock.instant()).bind("id", id).execute());
        return byId(id);
    }

    /** Forces a service down, or lets its reports count again. Returns the new record. */
    public Optional<ServiceRecord> setForcedDown(long id, boolean forcedDown) {
        db.useHandle(h -> h.createUpdate("update services set forced_down = :down, updated_at = :now "
                        + "where id = :id and deleted = false")
                .bind("down", forcedDown).bind("now", clock.instant()).bind("id", id).execute());
        return byId(id);
    }

    /** Soft-deletes a service record; false when there was no live one. */
    public boolean delete(long id) {
        return db.withHandle(h -> h.createUpdate("update services set deleted = true, updated_at = :now "
                        + "where id = :id and deleted = false")
                .bind("now", clock.instant()).bind("id", id).execute()) > 0;
    }

    private Optional<ServiceRecord> one(String where, Object value) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from services where " + where
                        + " and deleted = false")
                .bind("v", value).map((rs, ctx) -> row(rs)).findFirst());
    }

    private static Map<String, ServiceRecord> byHost(Handle h, String binary, Collection<String> hosts) {
        Map<String, ServiceRecord> out = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(hosts))) {
            h.createQuery("select " + COLUMNS + " from services where \"binary\" = :binary and host in (<hosts>) "
                            + "and deleted = false order by id")
                    .bind("binary", binary).bindList("hosts", chunk)
                    .map((rs, ctx) -> row(rs)).forEach(s -> out.putIfAbsent(s.host(), s));
        }
        return out;
    }

    /** Lists cut into pieces small enough for an {@code in (...)} list on every engine. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    static ServiceRecord row(ResultSet rs) throws SQLException {
        return new ServiceRecord(rs.getLong("id"), rs.getString("uuid"), rs.getString("host"), rs.getString("binary"),
                rs.getString("topic"), rs.getInt("report_count"), rs.getBoolean("disabled"),
                rs.getString("disabled_reason"), rs.getBoolean("forced_down"), instant(rs, "last_seen_up"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
