package dev.overcast.compute.cells;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

/**
 * The cells of this deployment and their open databases. Mappings are read from the API
 * database and kept in memory; a cell not yet known (made by another process) is read again
 * on first use.
 */
public final class Cells {
    private final Jdbi api;
    private final CellDatabases opener;
    private final Clock clock;
    private final Map<String, Jdbi> open = new ConcurrentHashMap<>();
    private final HostMappings hosts;
    private volatile List<CellMapping> mappings;

    public Cells(Jdbi api, CellDatabases opener, Clock clock) {
        this.api = api;
        this.opener = opener;
        this.clock = clock;
        this.hosts = new HostMappings(api, this);
        reload();
    }

    /** Which cell each compute host is in. */
    public HostMappings hosts() {
        return hosts;
    }

    /** Every cell, cell0 first, then by creation. */
    public List<CellMapping> all() {
        return mappings;
    }

    /** Every cell but cell0: where instances can be built. */
    public List<CellMapping> buildable() {
        return mappings.stream().filter(c -> !c.isCell0()).toList();
    }

    public CellMapping cell0() {
        return byUuid(CellMapping.CELL0_UUID).orElseThrow(() ->
                new IllegalStateException("cell0 is not mapped; run overcast manage cell_v2 map_cell0"));
    }

    public Optional<CellMapping> byUuid(String uuid) {
        return find(c -> c.uuid().equals(uuid));
    }

    public Optional<CellMapping> byId(long id) {
        return find(c -> c.id() == id);
    }

    private Optional<CellMapping> find(java.util.function.Predicate<CellMapping> p) {
        Optional<CellMapping> found = mappings.stream().filter(p).findFirst();
        if (found.isEmpty()) {
            reload();
            found = mappings.stream().filter(p).findFirst();
        }
        return found;
    }

    /** The database of {@code cell}, opened (and migrated) on first use. */
    public Jdbi db(CellMapping cell) {
        return open.computeIfAbsent(cell.uuid(), u -> opener.open(cell));
    }

    /** Maps a new cell; {@code uuid} null for a random one. */
    public CellMapping create(String uuid, String name, String transportUrl, String databaseConnection) {
        String id = uuid == null ? UUID.randomUUID().toString() : uuid;
        Instant now = clock.instant();
        api.useHandle(h -> h.createUpdate("""
                        insert into cell_mappings (uuid, name, transport_url, database_connection, disabled, created_at)
                        values (:uuid, :name, :transport, :db, false, :now)""")
                .bind("uuid", id).bind("name", name).bind("transport", transportUrl)
                .bind("db", databaseConnection).bind("now", now).execute());
        reload();
        return byUuid(id).orElseThrow();
    }

    /** Removes a cell's mapping (its database is left alone). */
    public void delete(CellMapping cell) {
        api.useHandle(h -> h.createUpdate("delete from cell_mappings where id = :id").bind("id", cell.id()).execute());
        open.remove(cell.uuid());
        reload();
    }

    /**
     * Maps cell0 and cell1 in schemas of the API database's server when no cell is mapped yet:
     * the default install, as {@code nova-manage cell_v2 simple_cell_setup}.
     */
    public void setUpDefaultCells() {
        if (!mappings.isEmpty()) {
            return;
        }
        create(CellMapping.CELL0_UUID, "cell0", "none:", "schema:compute_cell0");
        create(null, "cell1", "none:", "schema:compute_cell1");
    }

    /** Reads the mappings again from the API database. */
    public void reload() {
        List<CellMapping> rows = api.withHandle(h -> h.createQuery("""
                        select id, uuid, name, transport_url, database_connection, disabled from cell_mappings
                        order by case when uuid = :cell0 then 0 else 1 end, id""")
                .bind("cell0", CellMapping.CELL0_UUID)
                .map((rs, ctx) -> new CellMapping(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"),
                        rs.getString("transport_url"), rs.getString("database_connection"), rs.getBoolean("disabled")))
                .list());
        mappings = List.copyOf(new ArrayList<>(rows));
    }
}
