package dev.overcast.compute.hypervisors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;

/**
 * The compute nodes of every cell with their hosts' compute services, as Nova's hypervisors API
 * gathers them. A node whose service was deleted is left out, as Nova skips it.
 */
final class CellNodes {
    /** A node, its cell and its host's compute service. */
    record Located(CellMapping cell, ComputeNode node, ServiceRecord service) {
    }

    /** An instance on a host, as the {@code servers} of a hypervisor name it. */
    record Server(String name, String uuid) {
    }

    /** Instances Nova counts in a node's {@code current_workload}: building, or in one of these tasks. */
    private static final Set<String> WORKLOAD_TASKS = Set.of("resize_migrating", "rebuilding", "resize_prep",
            "image_snapshot", "image_backup", "rescuing", "unshelving");

    private final ComputeContext ctx;

    CellNodes(ComputeContext ctx) {
        this.ctx = ctx;
    }

    /** Every node with a live service, cell by cell, by id within a cell. */
    List<Located> all() {
        List<Located> out = new ArrayList<>();
        for (CellMapping cell : ctx.cells().all()) {
            out.addAll(located(cell, new ComputeNodes(db(cell), ctx.clock()).all()));
        }
        return out;
    }

    /** The nodes whose hypervisor hostname contains {@code pattern}. */
    List<Located> search(String pattern) {
        List<Located> out = new ArrayList<>();
        for (CellMapping cell : ctx.cells().all()) {
            out.addAll(located(cell, new ComputeNodes(db(cell), ctx.clock()).search(pattern)));
        }
        return out;
    }

    /** The node of this integer id in the first cell that has one (ids repeat across cells). */
    Optional<Located> byId(long id) {
        for (CellMapping cell : ctx.cells().all()) {
            Optional<ComputeNode> n = new ComputeNodes(db(cell), ctx.clock()).byId(id);
            if (n.isPresent()) {
                return located(cell, List.of(n.get())).stream().findFirst();
            }
        }
        return Optional.empty();
    }

    Optional<Located> byUuid(String uuid) {
        for (CellMapping cell : ctx.cells().all()) {
            Optional<ComputeNode> n = new ComputeNodes(db(cell), ctx.clock()).byUuid(uuid);
            if (n.isPresent()) {
                return located(cell, List.of(n.get())).stream().findFirst();
            }
        }
        return Optional.empty();
    }

    /** The instances on a node's host, by id, named as Nova names them on the hypervisor. */
    List<Server> servers(Located node) {
        return db(node.cell()).withHandle(h -> h.createQuery("select id, uuid from instances where host = :host "
                        + "and deleted = false order by id").bind("host", node.node().host())
                .map((rs, c) -> new Server(String.format("instance-%08x", rs.getLong(1)), rs.getString(2))).list());
    }

    /** Each node's {@code current_workload}, by node uuid, for the nodes of one cell. */
    Map<String, Integer> workloads(CellMapping cell, List<ComputeNode> nodes) {
        Map<String, String> uuidByHostNode = new HashMap<>();
        for (ComputeNode n : nodes) {
            uuidByHostNode.put(n.host() + "\n" + n.hypervisorHostname(), n.uuid());
        }
        Map<String, Integer> out = new HashMap<>();
        db(cell).useHandle(h -> h.createQuery("select host, node, vm_state, task_state from instances "
                        + "where host is not null and deleted = false")
                .map((rs, c) -> {
                    String uuid = uuidByHostNode.get(rs.getString(1) + "\n" + rs.getString(2));
                    String task = rs.getString(4);
                    boolean busy = "building".equals(rs.getString(3)) || task != null && WORKLOAD_TASKS.contains(task);
                    if (uuid != null && busy) {
                        out.merge(uuid, 1, Integer::sum);
                    }
                    return 0;
                }).list());
        return out;
    }

    private List<Located> located(CellMapping cell, List<ComputeNode> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        Map<String, ServiceRecord> services = new ServiceRecords(db(cell), ctx.clock(),
                ctx.settings().serviceDownTime()).byBinary(ServiceRecord.COMPUTE);
        List<Located> out = new ArrayList<>(nodes.size());
        for (ComputeNode n : nodes) {
            ServiceRecord s = services.get(n.host());
            if (s != null) {
                out.add(new Located(cell, n, s));
            }
        }
        return out;
    }

    private Jdbi db(CellMapping cell) {
        return ctx.cells().db(cell);
    }
}
