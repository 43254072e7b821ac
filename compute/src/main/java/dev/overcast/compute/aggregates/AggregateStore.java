package dev.overcast.compute.aggregates;

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
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.core.http.ApiException;

/**
 * Host aggregates in the API database, and the scheduler's copy of them.
 *
 * <p>The scheduler asks for every aggregate on every decision, so {@link #all()},
 * {@link #aggregatesOf} and {@link #availabilityZoneOf} answer from a snapshot held in memory.
 * A write through this store drops the snapshot once it commits, so this process sees its own
 * writes at once; writes by other processes (another API node) show once the snapshot is older
 * than {@code maxAge}. A reload that started before a write finished is not kept, so a dropped
 * snapshot never comes back. The API's own reads ({@link #list}, {@link #find}) go to the
 * database.
 *
 * <p>Writes run in one transaction each and lock the aggregate's row first, so the checks they
 * make (a name in use, a host in another zone) and the change they make cannot be split by a
 * failure: a refused request writes nothing.
 */
public final class AggregateStore {
    /** How stale another process's writes may look to {@link #all()}, unless told otherwise. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi api;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicLong writes = new AtomicLong();
    private volatile Snapshot snapshot;

    /** What the scheduler reads, built once per load. */
    private record Snapshot(List<Aggregate> all, Map<String, List<Aggregate>> byHost, Map<String, String> zoneByHost,
                            Instant loadedAt) {
    }

    /**
     * @param api    the API database
     * @param maxAge how long a snapshot serves the scheduler before it is read again, for
     *               writes made by other processes
     */
    public AggregateStore(Jdbi api, Clock clock, Duration maxAge) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** A store on the context's API database with {@link #DEFAULT_MAX_AGE}. */
    public AggregateStore(ComputeContext ctx) {
        this(ctx.api(), ctx.clock(), DEFAULT_MAX_AGE);
    }

    // ---- what the scheduler reads (cached) ----

    /** Every aggregate, as the scheduler's pre-filters see them. */
    public List<dev.overcast.compute.scheduler.Aggregate> all() {
        return snapshot().all();
    }

    /** The aggregates {@code host} belongs to, for its {@code HostState}; empty for a host in none. */
    public List<Aggregate> aggregatesOf(String host) {
        return snapshot().byHost().getOrDefault(host, List.of());
    }

    /**
     * The zone of {@code host}: its aggregates' {@code availability_zone} values (sorted and
     * joined with commas in the rare case they differ, as Nova joins them), else empty, meaning
     * the default zone.
     */
    public Optional<String> availabilityZoneOf(String host) {
        return Optional.ofNullable(snapshot().zoneByHost().get(host));
    }

    /**
     * The zone of every host in a zone aggregate, read from the database now rather than the
     * snapshot: for the API, which must show its own node's and others' writes at once.
     */
    public Map<String, String> currentAvailabilityZones() {
        return build(list(), clock.instant()).zoneByHost();
    }

    /** Drops the snapshot, so the next read loads the aggregates again. */
    public void invalidate() {
        writes.incrementAndGet();
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.loadedAt().plus(maxAge))) {
            return s;
        }
        long before = writes.get();
        Snapshot loaded = build(list(), now);
        if (writes.get() == before) {
            snapshot = loaded;
        }
        return loaded;
    }

    private static Snapshot build(List<HostAggregate> aggregates, Instant now) {
        List<Aggregate> all = new ArrayList<>(aggregates.size());
        Map<String, List<Aggregate>> byHost = new HashMap<>();
        Map<String, TreeSet<String>> zones = new HashMap<>();
        for (HostAggregate a : aggregates) {
            Aggregate view = a.toScheduler();
            all.add(view);
            for (String host : a.hosts()) {
                byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(view);
                if (a.availabilityZone() != null) {
                    zones.computeIfAbsent(host, h -> new TreeSet<>()).add(a.availabilityZone());
                }
            }
        }
        Map<String, List<Aggregate>> frozen = new HashMap<>();
        byHost.forEach((host, list) -> frozen.put(host, List.copyOf(list)));
        Map<String, String> zoneByHost = new HashMap<>();
        zones.forEach((host, names) -> zoneByHost.put(host, String.join(",", names)));
        return new Snapshot(List.copyOf(all), Map.copyOf(frozen), Map.copyOf(zoneByHost), now);
    }

    // ---- what the API reads (from the database) ----

    /** Every live aggregate, by id. */
    public List<HostAggregate> list() {
        return api.withHandle(h -> load(h, null));
    }

    /** The live aggregate {@code id}. */
    public Optional<HostAggregate> find(long id) {
        return api.withHandle(h -> load(h, id)).stream().findFirst();
    }

    private static List<HostAggregate> load(Handle h, Long id) {
        String only = id == null ? "" : " and a.id = :id";
        var rows = h.createQuery("select id, uuid, name, created_at, updated_at from aggregates a where deleted = 0"
                + only + " order by id");
        var hostRows = h.createQuery("select aggregate_id, host from aggregate_hosts h join aggregates a "
                + "on a.id = h.aggregate_id where a.deleted = 0" + only + " order by h.id");
        var metaRows = h.createQuery("select aggregate_id, meta_key, meta_value from aggregate_metadata m "
                + "join aggregates a on a.id = m.aggregate_id where a.deleted = 0" + only);
        if (id != null) {
            rows.bind("id", id);
            hostRows.bind("id", id);
            metaRows.bind("id", id);
        }
        Map<Long, List<String>> hosts = new HashMap<>();
        hostRows.map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e ->
                hosts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Map<String, String>> metadata = new HashMap<>();
        metaRows.map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).forEach(r ->
                metadata.computeIfAbsent(Long.parseLong(r[0]), k -> new LinkedHashMap<>()).put(r[1], r[2]));
        return rows.map((rs, ctx) -> row(rs, hosts, metadata)).list();
    }

    private static HostAggregate row(ResultSet rs, Map<Long, List<String>> hosts,
                                     Map<Long, Map<String, String>> metadata) throws SQLException {
        long id = rs.getLong("id");
        return new HostAggregate(id, rs.getString("uuid"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), hosts.getOrDefault(id, List.of()),
                metadata.getOrDefault(id, Map.of()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // ---- writes ----

    /**
     * Creates an aggregate, in {@code zone} when it is not null.
     *
     * @throws ApiException 409 when a live aggregate has the name
     */
    public HostAggregate create(String name, String zone) {
        String uuid = UUID.randomUUID().toString();
        Instant now = clock.instant();
        long id = write(h -> {
            requireNameFree(h, name, null);
            h.createUpdate("insert into aggregates (uuid, name, created_at, deleted) values (:uuid, :name, :now, 0)")
                    .bind("uuid", uuid).bind("name", name).bind("now", now).execute();
            long created = h.createQuery("select id from aggregates where uuid = :uuid").bind("uuid", uuid)
                    .mapTo(Long.class).one();
            if (zone != null) {
                putMetadata(h, created, Map.of(Aggregate.AVAILABILITY_ZONE, zone), now);
            }
            return created;
        }, name);
        return find(id).orElseThrow();
    }

    /**
     * Renames an aggregate and/or moves it to another zone ({@code PUT /os-aggregates/{id}}).
     *
     * @param name              the new name, or null to keep it
     * @param zoneGiven         whether the request named a zone at all
     * @param zone              the zone named, possibly null (which Nova refuses)
     * @param hostsHaveInstances whether instances run on any of the given hosts, for the rule
     *                           that a zone with instances cannot be renamed
     * @throws ApiException 404, 409 for a name in use, 400 for a zone Nova refuses
     */
    public HostAggregate update(long id, String name, boolean zoneGiven, String zone,
                                Predicate<Collection<String>> hostsHaveInstances) {
        Instant now = clock.instant();
        write(h -> {
            HostAggregate current = lock(h, id);
            if (name != null) {
                requireNameFree(h, name, id);
                h.createUpdate("update aggregates set name = :name, updated_at = :now where id = :id")
                        .bind("name", name).bind("now", now).bind("id", id).execute();
            }
            if (zoneGiven) {
                String refusal = zoneRefusal(h, current, zone, current.hosts(), true, hostsHaveInstances);
                if (refusal != null) {
                    throw ApiException.badRequest("Cannot update aggregate " + id + ". Reason: " + refusal + ".");
                }
                putMetadata(h, id, Map.of(Aggregate.AVAILABILITY_ZONE, zone), now);
                touch(h, id, now);
            }
            return id;
        }, name);
        return find(id).orElseThrow();
    }

    /**
     * Applies {@code changes} to an aggregate's metadata: a null value removes its key, others
     * set theirs ({@code set_metadata}).
     *
     * @throws ApiException 404, 400 for a zone Nova refuses
     */
    public HostAggregate setMetadata(long id, Map<String, String> changes,
                                     Predicate<Collection<String>> hostsHaveInstances) {
        Instant now = clock.instant();
        write(h -> {
            HostAggregate current = lock(h, id);
            if (changes.containsKey(Aggregate.AVAILABILITY_ZONE)) {
                String refusal = zoneRefusal(h, current, changes.get(Aggregate.AVAILABILITY_ZONE), current.hosts(),
                        true, hostsHaveInstances);
                if (refusal != null) {
                    throw ApiException.badRequest("Cannot update metadata of aggregate " + id + ". Reason: "
                            + refusal + ".");
                }
            }
            Map<String, String> set = new LinkedHashMap<>();
            for (var change : changes.entrySet()) {
                if (change.getValue() == null) {
                    h.createUpdate("delete from aggregate_metadata where aggregate_id = :id and meta_key = :key")
                            .bind("id", id).bind("key", change.getKey()).execute();
                } else {
                    set.put(change.getKey(), change.getValue());
                }
            }
            putMetadata(h, id, set, now);
            touch(h, id, now);
            return id;
        }, null);
        return find(id).orElseThrow();
    }

    /**
     * Deletes an aggregate with no hosts, and its metadata.
     *
     * @throws ApiException 404, 400 when it still has hosts
     */
    public void delete(long id) {
        Instant now = clock.instant();
        write(h -> {
            HostAggregate current = lock(h, id);
            if (!current.hosts().isEmpty()) {
                // Nova's InvalidAggregateActionDelete says "remove host" whatever the action.
                throw ApiException.badRequest("Cannot remove host from aggregate " + id
                        + ". Reason: Host aggregate is not empty.");
            }
            h.createUpdate("delete from aggregate_metadata where aggregate_id = :id").bind("id", id).execute();
            h.createUpdate("update aggregates set deleted = id, deleted_at = :now where id = :id")
                    .bind("now", now).bind("id", id).execute();
            return id;
        }, null);
    }

    /**
     * Adds {@code host} to an aggregate. The caller has checked that a compute service runs there.
     *
     * @throws ApiException 404, 409 when the host is in it already or in another zone
     */
    public HostAggregate addHost(long id, String host) {
        Instant now = clock.instant();
        write(h -> {
            HostAggregate current = lock(h, id);
            if (current.hosts().contains(host)) {
                throw ApiException.conflict("Aggregate " + id + " already has host " + host + ".");
            }
            if (current.availabilityZone() != null) {
                String refusal = zoneRefusal(h, current, current.availabilityZone(), List.of(host), false, hosts -> false);
                if (refusal != null) {
                    throw ApiException.conflict("Cannot add host to aggregate " + id + ". Reason: " + refusal + ".");
                }
            }
            h.createUpdate("insert into aggregate_hosts (aggregate_id, host, created_at) values (:id, :host, :now)")
                    .bind("id", id).bind("host", host).bind("now", now).execute();
            return id;
        }, null);
        return find(id).orElseThrow();
    }

    /**
     * Removes {@code host} from an aggregate.
     *
     * @throws ApiException 404 when there is no such aggregate or it has no such host, with
     *                      the message Nova gives both
     */
    public HostAggregate removeHost(long id, String host) {
        ApiException notThere = ApiException.notFound("Cannot remove host " + host + " in aggregate " + id);
        write(h -> {
            HostAggregate current = lockOptional(h, id).orElseThrow(() -> notThere);
            if (!current.hosts().contains(host)) {
                throw notThere;
            }
            h.createUpdate("delete from aggregate_hosts where aggregate_id = :id and host = :host")
                    .bind("id", id).bind("host", host).execute();
            return id;
        }, null);
        return find(id).orElseThrow();
    }

    /**
     * Takes {@code host} out of every aggregate, as Nova does when a compute service is deleted;
     * returns the aggregates it was in, as they were.
     */
    public List<HostAggregate> removeHostFromAll(String host) {
        List<HostAggregate> before = list().stream().filter(a -> a.hosts().contains(host)).toList();
        write(h -> (long) h.createUpdate("delete from aggregate_hosts where host = :host").bind("host", host)
                .execute(), null);
        return before;
    }

    /**
     * Why Nova's {@code is_safe_to_update_az} refuses to give {@code aggregate} (or {@code hosts}
     * added to it) the zone {@code zone}, or null when it does not: an empty zone name; a host
     * already in another aggregate with another zone; and, on renames, instances on its hosts.
     */
    private String zoneRefusal(Handle h, HostAggregate aggregate, String zone, List<String> hosts,
                               boolean renaming, Predicate<Collection<String>> hostsHaveInstances) {
        if (zone == null || zone.isEmpty()) {
            return "Aggregate " + aggregate.name() + " does not support empty named availability zone";
        }
        if (!hosts.isEmpty()) {
            List<String> conflicting = h.createQuery("""
                            select distinct m.meta_value from aggregate_metadata m
                            join aggregate_hosts ah on ah.aggregate_id = m.aggregate_id
                            join aggregates a on a.id = m.aggregate_id
                            where a.deleted = 0 and m.meta_key = :key and ah.host in (<hosts>)
                            and a.id <> :id and m.meta_value <> :zone
                            order by m.meta_value""")
                    .bind("key", Aggregate.AVAILABILITY_ZONE).bindList("hosts", hosts).bind("id", aggregate.id())
                    .bind("zone", zone).mapTo(String.class).list();
            if (!conflicting.isEmpty()) {
                return "One or more hosts already in availability zone(s) " + pythonList(conflicting);
            }
        }
        if (renaming && !zone.equals(aggregate.availabilityZone()) && hostsHaveInstances.test(hosts)) {
            return "One or more hosts contain instances in this zone";
        }
        return null;
    }

    /** {@code ['a', 'b']}, as Nova's messages print a list. */
    private static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static HostAggregate lock(Handle h, long id) {
        return lockOptional(h, id).orElseThrow(() -> notFound(id));
    }

    private static Optional<HostAggregate> lockOptional(Handle h, long id) {
        Optional<Long> row = h.createQuery("select id from aggregates where id = :id and deleted = 0 for update")
                .bind("id", id).mapTo(Long.class).findOne();
        return row.flatMap(r -> load(h, id).stream().findFirst());
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Aggregate " + id + " could not be found.");
    }

    private static void requireNameFree(Handle h, String name, Long except) {
        boolean taken = h.createQuery("select id from aggregates where name = :name and deleted = 0")
                .bind("name", name).mapTo(Long.class).list().stream().anyMatch(id -> !id.equals(except));
        if (taken) {
            throw nameExists(name);
        }
    }

    private static ApiException nameExists(String name) {
        return ApiException.conflict("Aggregate " + name + " already exists.");
    }

    private static void putMetadata(Handle h, long id, Map<String, String> values, Instant now) {
        for (var e : values.entrySet()) {
            int updated = h.createUpdate("update aggregate_metadata set meta_value = :value "
                            + "where aggregate_id = :id and meta_key = :key")
                    .bind("value", e.getValue()).bind("id", id).bind("key", e.getKey()).execute();
            if (updated == 0) {
                h.createUpdate("insert into aggregate_metadata (aggregate_id, meta_key, meta_value, created_at) "
                                + "values (:id, :key, :value, :now)")
                        .bind("id", id).bind("key", e.getKey()).bind("value", e.getValue()).bind("now", now)
                        .execute();
            }
        }
    }

    private static void touch(Handle h, long id, Instant now) {
        h.createUpdate("update aggregates set updated_at = :now where id = :id").bind("now", now).bind("id", id)
                .execute();
    }

    /**
     * Runs one write transaction and drops the scheduler's snapshot after it. A unique-key
     * violation can only be a name taken by a concurrent create or rename: a 409 naming it.
     */
    private long write(org.jdbi.v3.core.HandleCallback<Long, RuntimeException> work, String name) {
        try {
            return api.inTransaction(work);
        } catch (JdbiException e) {
            if (name != null && isUniqueViolation(e)) {
                throw nameExists(name);
            }
            throw e;
        } finally {
            invalidate();
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
