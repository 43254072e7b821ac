package dev.overcast.orchestration.convergence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * Per-resource locks, as rows of {@code conv_resource_locks}: an engine works on a resource only
 * while it holds the resource's lock. A lock held by a dead engine (see {@link EngineRegistry})
 * is taken over, so a crashed engine's resources do not stay locked.
 *
 * <p>A free lock is taken by inserting its row; of two inserts one fails on the key. A held lock
 * is then read under {@code select ... for update} and decided on in the same transaction, so two
 * engines taking over the same dead engine's lock cannot both win.
 */
public final class ResourceLocks {
    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final EngineRegistry engines;
    private final Clock clock;

    /**
     * @param engines says which lock holders are alive
     * @param clock   stamps acquisitions and judges leases
     */
    public ResourceLocks(Jdbi jdbi, EngineRegistry engines, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who holds a lock. */
    public record Holder(String resourceId, String engineId, String traversalId, long acquiredAtMillis) {
    }

    /**
     * Takes the lock of {@code resourceId} for {@code engineId}, working for {@code traversalId}.
     * A lock held by a live engine is busy, even for that engine: its workers run in parallel and
     * must not work on one resource at once (an engine forgets the locks it held before a
     * restart, see {@link #releaseAll}).
     */
    public LockOutcome acquire(String resourceId, String engineId, String traversalId) {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(traversalId, "traversalId");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // Most locks are free: the insert alone takes them.
            if (insert(resourceId, engineId, traversalId)) {
                return new LockOutcome.Acquired(resourceId, engineId, traversalId);
            }
            Optional<LockOutcome> held = Sql.retrying(ATTEMPTS, () -> acquireHeld(resourceId, engineId, traversalId));
            if (held.isPresent()) {
                return held.get();
            }
            // released between our insert and our read: insert again
        }
        throw new IllegalStateException("the lock of resource " + resourceId + " kept changing hands; gave up after "
                + ATTEMPTS + " attempts");
    }

    /** The outcome when a row exists; empty when the lock is free (no row). */
    private Optional<LockOutcome> acquireHeld(String resourceId, String engineId, String traversalId) {
        return jdbi.inTransaction(h -> {
            Optional<Holder> holder = h.createQuery("""
                            select resource_id, engine_id, traversal_id, acquired_at from conv_resource_locks
                            where resource_id = :resource for update""")
                    .bind("resource", resourceId)
                    .map((rs, ctx) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                    .findOne();
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            Holder current = holder.get();
            if (engines.isAlive(h, current.engineId())) {
                return Optional.of(new LockOutcome.Busy(resourceId, current.engineId(), current.traversalId()));
            }
            h.createUpdate("""
                            update conv_resource_locks set engine_id = :engine, traversal_id = :traversal,
                                acquired_at = :now where resource_id = :resource""")
                    .bind("engine", engineId).bind("traversal", traversalId).bind("now", clock.millis())
                    .bind("resource", resourceId)
                    .execute();
            return Optional.of(new LockOutcome.TakenOver(resourceId, engineId, traversalId, current.engineId(),
                    current.traversalId()));
        });
    }

    private boolean insert(String resourceId, String engineId, String traversalId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into conv_resource_locks (resource_id, engine_id, traversal_id, acquired_at)
                            values (:resource, :engine, :traversal, :now)""")
                    .bind("resource", resourceId).bind("engine", engineId).bind("traversal", traversalId)
                    .bind("now", clock.millis())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Forgets every lock {@code engineId} holds: what a restarted engine held before is no longer worked on. */
    public int releaseAll(String engineId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from conv_resource_locks where engine_id = :engine")
                .bind("engine", engineId).execute());
    }

    /** Releases the lock if {@code engineId} holds it. @return whether it did */
    public boolean release(String resourceId, String engineId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "delete from conv_resource_locks where resource_id = :resource and engine_id = :engine")
                .bind("resource", resourceId).bind("engine", engineId)
                .execute()) == 1;
    }

    /** @return who holds the lock of {@code resourceId}, if anybody */
    public Optional<Holder> holder(String resourceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select resource_id, engine_id, traversal_id, acquired_at from conv_resource_locks
                        where resource_id = :resource""")
                .bind("resource", resourceId)
                .map((rs, ctx) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .findOne());
    }

    /**
     * The locks whose holder is dead (lease lapsed, retired or never registered): the resources a
     * crashed engine was working on, which a recovering engine re-checks for their stack's
     * current traversal.
     */
    public List<Holder> heldByDeadEngines() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select l.resource_id, l.engine_id, l.traversal_id, l.acquired_at
                        from conv_resource_locks l left join conv_engines e on e.engine_id = l.engine_id
                        where e.engine_id is null or e.lease_until <= :now
                        order by l.resource_id""")
                .bind("now", clock.millis())
                .map((rs, ctx) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }
}
