package dev.overcast.placement.allocations;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.SqlArray;

/** The SQL of the write path: consumers, their allocations, and what providers hold. */
final class ClaimRows {
    private ClaimRows() {
    }

    /** A consumer row as locked. */
    record ConsumerRow(String uuid, String projectId, String userId, long generation, String consumerType) {
    }

    /** One allocation row: {@code used} of {@code resourceClass} from {@code provider} by {@code consumer}. */
    record AllocationRow(String consumer, String provider, String resourceClass, long used) {
    }

    /** How many rows {@code consumer_lock} holds (migration V13); never changes. */
    static final int CONSUMER_LOCK_BUCKETS = 1024;

    /** The lock bucket of a consumer: stable across processes, as String.hashCode is specified. */
    static int bucket(String consumer) {
        return Math.floorMod(consumer.hashCode(), CONSUMER_LOCK_BUCKETS);
    }

    /**
     * Locks consumers' buckets for the rest of the transaction, in ascending order (the database
     * walks the key's index through the sorted values). Every writer of a consumer takes its
     * bucket first, so writers of one consumer wait on a row that always exists (see V13). An
     * update that changes nothing locks as {@code select ... for update} does, and H2 keeps its
     * parsed plan, which it does not for a {@code for update}.
     */
    static void lockBuckets(Handle h, Collection<String> consumers) {
        if (consumers.isEmpty()) {
            return;
        }
        Set<Integer> buckets = new TreeSet<>();
        consumers.forEach(consumer -> buckets.add(bucket(consumer)));
        h.createUpdate("update consumer_lock set bucket = bucket where bucket = any(:buckets)")
                .bind("buckets", SqlArray.of("integer", buckets)).execute();
    }

    /** Locks a consumer row for the rest of the transaction; empty when there is none. */
    static Optional<ConsumerRow> lockConsumer(Handle h, String uuid) {
        return h.createQuery("select uuid, project_id, user_id, generation, consumer_type from consumer "
                        + "where uuid = :uuid for update")
                .bind("uuid", uuid)
                .map((rs, ctx) -> new ConsumerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .findOne();
    }

    /**
     * Creates a consumer, under its bucket lock. A primary key violation can then only come
     * from a writer that skipped the bucket; it is reported as a concurrent change.
     */
    static void insertConsumer(Handle h, ConsumerWrite w, long generation, Instant now) {
        try {
            h.createUpdate("insert into consumer (uuid, project_id, user_id, generation, consumer_type, created_at, "
                            + "updated_at) values (:uuid, :project, :user, :generation, :type, :now, :now)")
                    .bind("uuid", w.consumer()).bind("project", w.projectId()).bind("user", w.userId())
                    .bind("generation", generation).bind("type", w.consumerType()).bind("now", now)
                    .execute();
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw new ClaimRefused(new Refusal.ConcurrentChange());
            }
            throw e;
        }
    }

    /**
     * Creates consumers that do not exist, under their bucket locks, at generation 1 (as
     * {@link #insertConsumer} creates one for a first write).
     */
    static void insertConsumers(Handle h, List<ConsumerWrite> writes, Instant now) {
        var batch = h.prepareBatch("insert into consumer (uuid, project_id, user_id, generation, consumer_type, "
                + "created_at, updated_at) values (:uuid, :project, :user, 1, :type, :now, :now)");
        for (ConsumerWrite w : writes) {
            batch.bind("uuid", w.consumer()).bind("project", w.projectId()).bind("user", w.userId())
                    .bind("type", w.consumerType()).bind("now", now).add();
        }
        batch.execute();
    }

    /** Sets project, user and type and bumps the generation of a locked consumer. */
    static void updateConsumer(Handle h, ConsumerRow row, ConsumerWrite w, Instant now) {
        String type = w.consumerType() != null ? w.consumerType() : row.consumerType();
        int n = h.createUpdate("update consumer set project_id = :project, user_id = :user, consumer_type = :type, "
                        + "generation = generation + 1, updated_at = :now where uuid = :uuid and generation = :expected")
                .bind("project", w.projectId()).bind("user", w.userId()).bind("type", type).bind("now", now)
                .bind("uuid", row.uuid()).bind("expected", row.generation())
                .execute();
        if (n != 1) {
            throw new ClaimRefused(new Refusal.ConcurrentChange());
        }
    }

    static void deleteConsumer(Handle h, String uuid) {
        h.createUpdate("delete from consumer where uuid = :uuid").bind("uuid", uuid).execute();
    }

    static List<AllocationRow> allocationsOf(Handle h, Collection<String> consumers) {
        if (consumers.isEmpty()) {
            return List.of();
        }
        return h.createQuery("select consumer_uuid, provider_uuid, resource_class, used from allocation "
                        + "where consumer_uuid in (<consumers>) order by consumer_uuid, provider_uuid, resource_class")
                .bindList("consumers", new ArrayList<>(consumers))
                .map((rs, ctx) -> new AllocationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    static void deleteAllocationsOf(Handle h, Collection<String> consumers) {
        if (!consumers.isEmpty()) {
            h.createUpdate("delete from allocation where consumer_uuid in (<consumers>)")
                    .bindList("consumers", new ArrayList<>(consumers)).execute();
        }
    }

    static void insertAllocations(Handle h, List<AllocationRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("insert into allocation (consumer_uuid, provider_uuid, resource_class, used, "
                + "created_at, updated_at) values (:consumer, :provider, :rc, :used, :now, :now)");
        for (AllocationRow r : rows) {
            batch.bind("consumer", r.consumer()).bind("provider", r.provider()).bind("rc", r.resourceClass())
                    .bind("used", r.used()).bind("now", now).add();
        }
        batch.execute();
    }

    /** Whether any of {@code consumers} exists. */
    static boolean anyConsumer(Handle h, Collection<String> consumers) {
        return h.createQuery("select uuid from consumer where uuid = any(:consumers) limit 1")
                .bind("consumers", SqlArray.of("varchar", consumers)).mapTo(String.class).findOne().isPresent();
    }

    /** Which of {@code uuids} are providers. */
    static Set<String> existingProviders(Handle h, Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery("select uuid from resource_provider where uuid in (<uuids>)")
                .bindList("uuids", new ArrayList<>(uuids)).mapTo(String.class).list());
    }

    /** A provider's generation without locking it; empty when it does not exist. */
    static Optional<Long> generation(Handle h, String uuid) {
        return h.createQuery("select generation from resource_provider where uuid = :uuid")
                .bind("uuid", uuid).mapTo(Long.class).findOne();
    }

    /** Provider → class → inventory for {@code providers}. */
    static Map<String, Map<String, Inventory>> inventories(Handle h, Collection<String> providers) {
        Map<String, Map<String, Inventory>> out = new HashMap<>();
        if (providers.isEmpty()) {
            return out;
        }
        h.createQuery("select provider_uuid, resource_class, total, reserved, min_unit, max_unit, step_size, "
                        + "allocation_ratio from inventory where provider_uuid in (<providers>)")
                .bindList("providers", new ArrayList<>(providers))
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        new Inventory(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                rs.getDouble(8))))
                .list();
        return out;
    }

    /** Provider → class → amount allocated, read in the transaction. */
    static Map<String, Map<String, Long>> usage(Handle h, Collection<String> providers) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        if (providers.isEmpty()) {
            return out;
        }
        h.createQuery("select provider_uuid, resource_class, sum(used) from allocation "
                        + "where provider_uuid in (<providers>) group by provider_uuid, resource_class")
                .bindList("providers", new ArrayList<>(providers))
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return out;
    }

    /** SQLState 23505 on both H2 and PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
