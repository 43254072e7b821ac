package dev.overcast.compute.services;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;

/**
 * Maps compute hosts to their cells, as {@code nova-manage cell_v2 discover_hosts} does: every
 * live nova-compute service of a cell whose host has no {@code host_mappings} row gets one, so
 * that the API and the conductor know which cell a host is in.
 */
public final class HostDiscovery {
    private final ComputeContext ctx;

    public HostDiscovery(ComputeContext ctx) {
        this.ctx = ctx;
    }

    /** Maps the unmapped compute hosts of every cell; returns the hosts it mapped. */
    public List<String> discover() {
        Set<String> mapped = new HashSet<>(ctx.api().withHandle(h ->
                h.createQuery("select host from host_mappings").mapTo(String.class).list()));
        List<String> added = new ArrayList<>();
        for (CellMapping cell : ctx.cells().buildable()) {
            ServiceRecords records = new ServiceRecords(ctx.cells().db(cell), ctx.clock(),
                    ctx.settings().serviceDownTime());
            List<String> hosts = records.byBinary(ServiceRecord.COMPUTE).keySet().stream()
                    .filter(host -> !mapped.contains(host)).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            ctx.api().useHandle(h -> {
                var batch = h.prepareBatch("insert into host_mappings (cell_id, host) values (:cell, :host)");
                hosts.forEach(host -> batch.bind("cell", cell.id()).bind("host", host).add());
                batch.execute();
            });
            mapped.addAll(hosts);
            added.addAll(hosts);
        }
        return added;
    }

    /** The cell {@code host} is mapped to, if any. */
    public java.util.Optional<CellMapping> cellOf(String host) {
        return ctx.api().withHandle(h -> h.createQuery("select cell_id from host_mappings where host = :host")
                        .bind("host", host).mapTo(Long.class).findOne())
                .flatMap(id -> ctx.cells().byId(id));
    }

    /** Removes {@code host}'s mapping, when its compute service is deleted. */
    public void unmap(String host) {
        ctx.api().useHandle(h -> h.createUpdate("delete from host_mappings where host = :host")
                .bind("host", host).execute());
    }
}
