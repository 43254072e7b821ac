package dev.overcast.compute.cells;

/**
 * Where one cell is: its database and its bus, as the API database records them.
 *
 * @param id                 the row id, which host and instance mappings point at
 * @param uuid               the cell's uuid; cell0's is all zeros
 * @param name               the operator's name for it, or null
 * @param transportUrl       the cell's bus: {@code none:} for the default bus, or an
 *                           {@code amqp://} URL
 * @param databaseConnection the cell's database: {@code schema:<name>} for a schema in the
 *                           API database's server, or a JDBC URL
 * @param disabled           whether new instances may be scheduled to it
 */
public record CellMapping(long id, String uuid, String name, String transportUrl, String databaseConnection,
                          boolean disabled) {
    /** cell0's uuid: the cell of instances that were never scheduled. */
    public static final String CELL0_UUID = "00000000-0000-0000-0000-000000000000";

    public boolean isCell0() {
        return CELL0_UUID.equals(uuid);
    }
}
