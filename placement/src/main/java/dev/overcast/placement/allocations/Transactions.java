package dev.overcast.placement.allocations;

import java.sql.SQLException;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs claims at READ COMMITTED (what {@link ClaimTransaction}'s locking is reasoned for) and
 * runs them again when the database gave up for reasons of its own — a deadlock it broke, a
 * lock wait that timed out — which say nothing about the request. Nothing outside the
 * transaction happens before it commits, so running it again is safe.
 */
final class Transactions {
    private Transactions() {
    }

    private static final int ATTEMPTS = 5;

    /** Serialization failure, deadlock (PostgreSQL, H2), lock not available, H2's lock timeout and concurrent update. */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    static <T> T write(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
