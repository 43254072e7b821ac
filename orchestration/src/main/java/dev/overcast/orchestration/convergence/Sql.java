package dev.overcast.orchestration.convergence;

import java.sql.SQLException;

/** Small facts about SQL errors that H2 and PostgreSQL share. */
public final class Sql {
    private Sql() {
    }

    /** Whether {@code error} (or a cause) is a unique-key violation: SQLState 23505 on both engines. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code error} is worth retrying in a new transaction: a lock wait that timed out
     * (H2's HYT00; H2 waits one second by default), a deadlock (40P01) or a serialization failure
     * (40001).
     */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("HYT00") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code work}, again (up to {@code attempts} times in all) when it fails transiently. */
    static <T> T retrying(int attempts, java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }
}
