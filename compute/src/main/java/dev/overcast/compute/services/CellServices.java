package dev.overcast.compute.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;

/**
 * The services of every cell, as Nova's API finds them: by scatter-gather over the cells,
 * each service with the cell it lives in. Integer ids repeat across cells; uuids do not.
 */
final class CellServices {
    /** A service and its cell. */
    record Located(CellMapping cell, ServiceRecord service) {
    }

    private final ComputeContext ctx;

    CellServices(ComputeContext ctx) {
        this.ctx = ctx;
    }

    ServiceRecords records(CellMapping cell) {
        return new ServiceRecords(db(cell), ctx.clock(), ctx.settings().serviceDownTime());
    }

    Jdbi db(CellMapping cell) {
        return ctx.cells().db(cell);
    }

    /** Every live service, cell by cell (cell0 first), by id within a cell. */
    List<Located> all() {
        List<Located> out = new ArrayList<>();
        for (CellMapping cell : ctx.cells().all()) {
            records(cell).all().forEach(s -> out.add(new Located(cell, s)));
        }
        return out;
    }

    /** The services with this integer id, one per cell at most. */
    List<Located> byId(long id) {
        List<Located> out = new ArrayList<>();
        for (CellMapping cell : ctx.cells().all()) {
            records(cell).byId(id).ifPresent(s -> out.add(new Located(cell, s)));
        }
        return out;
    }

    Optional<Located> byUuid(String uuid) {
        for (CellMapping cell : ctx.cells().all()) {
            Optional<ServiceRecord> s = records(cell).byUuid(uuid);
            if (s.isPresent()) {
                return Optional.of(new Located(cell, s.get()));
            }
        }
        return Optional.empty();
    }

    Optional<Located> byHostAndBinary(String host, String binary) {
        for (CellMapping cell : ctx.cells().all()) {
            Optional<ServiceRecord> s = records(cell).byHostAndBinary(host, binary);
            if (s.isPresent()) {
                return Optional.of(new Located(cell, s.get()));
            }
        }
        return Optional.empty();
    }
}
