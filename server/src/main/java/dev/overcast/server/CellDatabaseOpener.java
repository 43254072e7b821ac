package dev.overcast.server;

import java.util.function.Consumer;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.cells.CellDatabases;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.core.db.DatabaseSettings;
import dev.overcast.core.db.ServiceDatabase;

/**
 * Opens cell databases as a cell mapping's {@code database_connection} names them:
 * {@code schema:<name>} is a schema beside the API database (the all-in-one's cells), anything
 * else a JDBC URL of its own, used with the API database's user and password.
 */
final class CellDatabaseOpener implements CellDatabases {
    private final DatabaseSettings api;
    private final Consumer<ServiceDatabase> opened;

    /** @param opened told of every database opened, so its owner can close it */
    CellDatabaseOpener(DatabaseSettings api, Consumer<ServiceDatabase> opened) {
        this.api = api;
        this.opened = opened;
    }

    @Override
    public Jdbi open(CellMapping cell) {
        String connection = cell.databaseConnection();
        ServiceDatabase db = connection.startsWith("schema:")
                ? ServiceDatabase.open(api, connection.substring("schema:".length()), "compute_cell")
                : ServiceDatabase.open(new DatabaseSettings(connection, api.user(), api.password(), api.poolSize()),
                "compute_cell", "compute_cell");
        opened.accept(db);
        return db.jdbi();
    }
}
