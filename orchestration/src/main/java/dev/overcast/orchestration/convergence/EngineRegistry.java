package dev.overcast.orchestration.convergence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The engines that are alive, as rows in {@code conv_engines}: each engine calls
 * {@link #heartbeat} more often than the lease, which extends its lease; one whose lease lapsed
 * is dead, and the resource locks it holds may be taken over ({@link ResourceLocks}).
 *
 * <p>Heat asks a lock holder over RPC whether it still listens; a lease in the shared database
 * answers the same question without a round trip to a process that may be gone, and works on the
 * in-process bus too. Time comes from the injected clock, so tests move it instead of sleeping.
 */
public final class EngineRegistry {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lease;

    /**
     * @param lease how long an engine counts as alive after its last heartbeat; engines should
     *              heartbeat at a third of it or more often
     */
    public EngineRegistry(Jdbi jdbi, Clock clock, Duration lease) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease == null || !lease.isPositive()) {
            throw new IllegalArgumentException("an engine lease must be positive, not " + lease);
        }
        this.lease = lease;
    }

    /** @return how long a heartbeat keeps an engine alive */
    public Duration lease() {
        return lease;
    }

    /** Records that {@code engineId} is alive now, extending its lease (registering it the first time). */
    public void heartbeat(String engineId) {
        if (engineId == null || engineId.isBlank()) {
            throw new IllegalArgumentException("an engine needs an id");
        }
        long now = clock.millis();
        long until = now + lease.toMillis();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (extend(engineId, now, until)) {
                return;
            }
            try {
                jdbi.useHandle(h -> h.createUpdate("""
                                insert into conv_engines (engine_id, heartbeat_at, lease_until)
                                values (:engine, :now, :until)""")
                        .bind("engine", engineId).bind("now", now).bind("until", until).execute());
                return;
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // another heartbeat of the same engine inserted first: extend that row
            }
        }
        throw new IllegalStateException("engine " + engineId + " could not record its heartbeat");
    }

    private boolean extend(String engineId, long now, long until) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update conv_engines set heartbeat_at = :now, lease_until = :until where engine_id = :engine""")
                .bind("engine", engineId).bind("now", now).bind("until", until).execute()) == 1;
    }

    /** @return whether {@code engineId} heartbeat within its lease */
    public boolean isAlive(String engineId) {
        return jdbi.withHandle(h -> isAlive(h, engineId));
    }

    /** The same question inside a caller's transaction. */
    boolean isAlive(Handle h, String engineId) {
        return h.createQuery("select lease_until from conv_engines where engine_id = :engine")
                .bind("engine", engineId)
                .mapTo(Long.class)
                .findOne()
                .map(until -> until > clock.millis())
                .orElse(false);
    }

    /** @return the ids of the engines alive now, sorted */
    public List<String> liveEngines() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select engine_id from conv_engines where lease_until > :now order by engine_id")
                .bind("now", clock.millis())
                .mapTo(String.class)
                .list());
    }

    /** Removes {@code engineId} (a clean shutdown): it counts as dead at once. */
    public void retire(String engineId) {
        jdbi.useHandle(h -> h.createUpdate("delete from conv_engines where engine_id = :engine")
                .bind("engine", engineId).execute());
    }
}
