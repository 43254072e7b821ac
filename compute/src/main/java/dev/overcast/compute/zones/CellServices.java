package dev.overcast.compute.zones;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;

/**
 * The services of every cell, read from each cell's {@code services} table: what the
 * availability-zone listing shows and what {@code add_host} checks a host against. A cell whose
 * database cannot be read is left out, as Nova's scatter-gather leaves out a cell that fails.
 */
public final class CellServices {
    private static final Logger log = LoggerFactory.getLogger(CellServices.class);

    private final Cells cells;

    public CellServices(Cells cells) {
        this.cells = cells;
    }

    /** Every service that is not deleted, cell by cell. */
    public List<ServiceRecord> all() {
        List<ServiceRecord> out = new ArrayList<>();
        for (CellMapping cell : cells.all()) {
            try {
                out.addAll(cells.db(cell).withHandle(h -> h.createQuery("""
                                select host, "binary", disabled, forced_down, last_seen_up, updated_at
                                from services where deleted = false order by host, "binary"
                                """)
                        .map((rs, ctx) -> row(rs)).list()));
            } catch (RuntimeException e) {
                log.warn("Cannot read the services of cell {}; it is left out: {}", cell.name(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Whether a compute service runs on exactly {@code host} in some cell (Nova's
     * {@code Service.get_by_compute_host}, compared case-sensitively as Nova re-checks it).
     */
    public boolean hasCompute(String host) {
        for (CellMapping cell : cells.all()) {
            boolean found = cells.db(cell).withHandle(h -> h.createQuery("""
                            select host from services
                            where host = :host and "binary" = :binary and deleted = false""")
                    .bind("host", host).bind("binary", ServiceRecord.COMPUTE)
                    .mapTo(String.class).list().stream().anyMatch(host::equals));
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static ServiceRecord row(ResultSet rs) throws SQLException {
        return new ServiceRecord(rs.getString("host"), rs.getString("binary"), rs.getBoolean("disabled"),
                rs.getBoolean("forced_down"), instant(rs.getTimestamp("last_seen_up")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
