package dev.overcast.compute.aggregates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;
import dev.overcast.compute.zones.CellServices;

/**
 * What the aggregate API asks the cells about hosts: whether a compute service runs there, the
 * compute nodes (Placement resource providers) it drives, and whether instances run on it.
 */
public final class CellHosts {
    private final Cells cells;
    private final CellServices services;

    public CellHosts(Cells cells) {
        this.cells = cells;
        this.services = new CellServices(cells);
    }

    /** Whether a compute service runs on exactly {@code host} in some cell. */
    public boolean hasCompute(String host) {
        return services.hasCompute(host);
    }

    /** The uuids of the compute nodes of {@code host}, which are its resource providers' uuids. */
    public List<String> nodeUuids(String host) {
        List<String> out = new ArrayList<>();
        for (CellMapping cell : cells.buildable()) {
            out.addAll(cells.db(cell).withHandle(h -> h.createQuery("""
                            select uuid from compute_nodes where host = :host and deleted = false order by uuid""")
                    .bind("host", host).mapTo(String.class).list()));
        }
        return out;
    }

    /** Whether any instance that is not deleted runs on one of {@code hosts}; cell0 holds none that run. */
    public boolean anyInstancesOn(Collection<String> hosts) {
        if (hosts.isEmpty()) {
            return false;
        }
        for (CellMapping cell : cells.buildable()) {
            long n = cells.db(cell).withHandle(h -> h.createQuery(
                            "select count(*) from instances where host in (<hosts>) and deleted = false")
                    .bindList("hosts", List.copyOf(hosts)).mapTo(Long.class).one());
            if (n > 0) {
                return true;
            }
        }
        return false;
    }
}
