package dev.overcast.compute.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

/**
 * Which cell each compute host is in ({@code host_mappings} in the API database). A host is
 * mapped by discovery: its nova-compute service record in a cell's database, as
 * {@code nova-manage cell_v2 discover_hosts}. Mappings never change once made, so they are
 * cached.
 */
public final class HostMappings {
    private final Jdbi api;
    private final Cells cells;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    HostMappings(Jdbi api, Cells cells) {
        this.api = api;
        this.cells = cells;
    }

    /** The cell of {@code host}, discovering it first when it is not mapped yet. */
    public Optional<CellMapping> cellOf(String host) {
        Long cellId = cache.get(host);
        if (cellId == null) {
            cellId = lookup(host).orElse(null);
            if (cellId == null) {
                discover(null);
                cellId = lookup(host).orElse(null);
            }
            if (cellId == null) {
                return Optional.empty();
            }
            cache.put(host, cellId);
        }
        return cells.byId(cellId);
    }

    private Optional<Long> lookup(String host) {
        return api.withHandle(h -> h.createQuery("select cell_id from host_mappings where host = :host")
                .bind("host", host).mapTo(Long.class).findOne());
    }

    /**
     * Maps every compute host of the cells (or of {@code onlyCell}) that is not mapped yet.
     *
     * @return the hosts mapped now, as "host → cell name"
     */
    public synchronized List<String> discover(CellMapping onlyCell) {
        java.util.Set<String> mapped = new java.util.HashSet<>(api.withHandle(h ->
                h.createQuery("select host from host_mappings").mapTo(String.class).list()));
        List<String> added = new ArrayList<>();
        for (CellMapping cell : cells.buildable()) {
            if (onlyCell != null && !onlyCell.uuid().equals(cell.uuid())) {
                continue;
            }
            List<String> hosts = cells.db(cell).withHandle(h -> h.createQuery(
                            "select distinct host from services where \"binary\" = 'nova-compute' and deleted = false")
                    .mapTo(String.class).list()).stream().filter(host -> !mapped.contains(host)).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            api.useHandle(h -> {
                var batch = h.prepareBatch("insert into host_mappings (cell_id, host) values (:cell, :host)");
                hosts.forEach(host -> batch.bind("cell", cell.id()).bind("host", host).add());
                batch.execute();
            });
            mapped.addAll(hosts);
            hosts.forEach(host -> added.add(host + " → " + (cell.name() == null ? cell.uuid() : cell.name())));
        }
        return added;
    }

    /** Forgets a deleted host's mapping. */
    public void unmap(String host) {
        api.useHandle(h -> h.createUpdate("delete from host_mappings where host = :host").bind("host", host).execute());
        cache.remove(host);
    }
}
