package dev.overcast.network;

import java.sql.SQLException;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs a write in one READ COMMITTED transaction, again when it lost a race: a unique key hit by
 * a concurrent insert (a MAC address or a segmentation id chosen at the same moment), a deadlock
 * or a lock wait that timed out. A write that checks what the client asked for reads first and
 * refuses with its own error, so a unique violation that reaches here is always a lost race.
 */
public final class Transactions {
    private static final int ATTEMPTS = 8;

    private Transactions() {
    }

    public static <T> T write(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether {@code e} is one of the database's answers to two transactions racing. */
    public static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    // unique violation, serialization failure, deadlock (PostgreSQL), deadlock and lock timeout (H2)
                    case "23505", "40001", "40P01", "HYT00" -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
        }
        return false;
    }

    /** Shorthand for tests and features that only read. */
    public static <T> T read(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

}
