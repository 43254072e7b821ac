package dev.overcast.orchestration.convergence;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.testkit.TestDatabase;

/**
 * The orchestration schema on the engine the build asked for (H2 by default, PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}), migrated, dropped on close.
 */
final class ConvergenceDatabase implements AutoCloseable {
    private final TestDatabase database;
    private final ServiceDatabase db;

    ConvergenceDatabase() {
        database = TestDatabase.create();
        try {
            db = ServiceDatabase.open(database.settings(), "orchestration");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    Jdbi jdbi() {
        return db.jdbi();
    }

    @Override
    public void close() {
        db.close();
        database.close();
    }
}
