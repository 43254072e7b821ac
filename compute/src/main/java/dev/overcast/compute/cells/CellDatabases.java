package dev.overcast.compute.cells;

import org.jdbi.v3.core.Jdbi;

/**
 * Opens a cell's database from its mapping's {@code database_connection}, migrating it to the
 * cell schema. The wiring supplies it, since only the wiring knows the database settings.
 */
@FunctionalInterface
public interface CellDatabases {
    /** The open database of {@code cell}; the caller keeps it for the life of the process. */
    Jdbi open(CellMapping cell);
}
