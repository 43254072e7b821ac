package dev.overcast.compute.hypervisors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

/**
 * The {@code compute_nodes} table of one cell. The agent writes it (a node registered, its
 * usage reported) in batches, since one agent may report a thousand nodes; the hypervisors
 * API and the scheduler's host states read it.
 */
public final class ComputeNodes {
    static final String COLUMNS = "id, uuid, service_id, host, hypervisor_hostname, hypervisor_type, "
            + "hypervisor_version, vcpus, memory_mb, local_gb, vcpus_used, memory_mb_used, local_gb_used, cpu_info, "
            + "host_ip, running_vms, failed_builds, created_at, updated_at";

    private final Jdbi db;
    private final Clock clock;

    public ComputeNodes(Jdbi db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What an agent reports of one node.
     *
     * @param serviceId    its host's nova-compute service
     * @param memoryMbUsed RAM taken in MiB, host reservation included
     */
    public record Report(long serviceId, String host, String hypervisorHostname, String hypervisorType,
                         long hypervisorVersion, int vcpus, int memoryMb, int localGb, int vcpusUsed,
                         int memoryMbUsed, int localGbUsed, String cpuInfo, String hostIp, int runningVms,
                         int failedBuilds) {
    }

    /** Every live node of the cell, by id. */
    public List<ComputeNode> all() {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from compute_nodes where deleted = false "
                + "order by id").map((rs, ctx) -> row(rs)).list());
    }

    /** The live nodes of {@code host}. */
    public List<ComputeNode> byHost(String host) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from compute_nodes where host = :host "
                + "and deleted = false order by id").bind("host", host).map((rs, ctx) -> row(rs)).list());
    }

    public Optional<ComputeNode> byId(long id) {
        return one("id = :v", id);
    }

    public Optional<ComputeNode> byUuid(String uuid) {
        return one("uuid = :v", uuid);
    }

    /** The live nodes whose hypervisor hostname contains {@code pattern}, as Nova's search. */
    public List<ComputeNode> search(String pattern) {
        String like = "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from compute_nodes where deleted = false "
                        + "and hypervisor_hostname like :like escape '\\' order by id")
                .bind("like", like).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Registers reported nodes: each (host, hypervisor hostname) that has no live row gets one,
     * with a new uuid; the others are updated. Returns every reported node as now stored.
     */
    public List<ComputeNode> register(Collection<Report> reports) {
        Instant now = clock.instant();
        db.useTransaction(h -> {
            var existing = new java.util.HashMap<String, Long>();
            for (List<String> hosts : chunks(reports.stream().map(Report::host).distinct().toList())) {
                h.createQuery("select id, host, hypervisor_hostname from compute_nodes where deleted = false "
                                + "and host in (<hosts>)").bindList("hosts", hosts)
                        .map((rs, ctx) -> existing.putIfAbsent(rs.getString(2) + "\n" + rs.getString(3), rs.getLong(1)))
                        .list();
            }
            var insert = h.prepareBatch("insert into compute_nodes (uuid, service_id, host, hypervisor_hostname, "
                    + "hypervisor_type, hypervisor_version, vcpus, memory_mb, local_gb, vcpus_used, memory_mb_used, "
                    + "local_gb_used, cpu_info, host_ip, running_vms, failed_builds, created_at, updated_at, deleted) "
                    + "values (:uuid, :service_id, :host, :node, :type, :version, :vcpus, :memory_mb, :local_gb, "
                    + ":vcpus_used, :memory_mb_used, :local_gb_used, :cpu_info, :host_ip, :running_vms, "
                    + ":failed_builds, :now, :now, false)");
            var update = h.prepareBatch("update compute_nodes set service_id = :service_id, hypervisor_type = :type, "
                    + "hypervisor_version = :version, vcpus = :vcpus, memory_mb = :memory_mb, local_gb = :local_gb, "
                    + "vcpus_used = :vcpus_used, memory_mb_used = :memory_mb_used, local_gb_used = :local_gb_used, "
                    + "cpu_info = :cpu_info, host_ip = :host_ip, running_vms = :running_vms, "
                    + "failed_builds = :failed_builds, updated_at = :now where id = :id");
            int inserts = 0;
            int updates = 0;
            for (Report r : reports) {
                Long id = existing.get(r.host() + "\n" + r.hypervisorHostname());
                if (id == null) {
                    bindAll(insert.bind("uuid", UUID.randomUUID().toString()).bind("host", r.host())
                            .bind("node", r.hypervisorHostname()), r, now).add();
                    inserts++;
                } else {
                    bindAll(update.bind("id", id), r, now).add();
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.execute();
            }
            if (updates > 0) {
                update.execute();
            }
        });
        List<String> hosts = reports.stream().map(Report::host).distinct().toList();
        return db.withHandle(h -> {
            List<ComputeNode> out = new ArrayList<>();
            for (List<String> chunk : chunks(hosts)) {
                out.addAll(h.createQuery("select " + COLUMNS + " from compute_nodes where deleted = false "
                                + "and host in (<hosts>) order by id").bindList("hosts", chunk)
                        .map((rs, ctx) -> row(rs)).list());
            }
            return out;
        });
    }

    /** Reports what the given nodes' instances use now, one batch for all of them. */
    public void updateUsage(Collection<Usage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        db.useHandle(h -> {
            var batch = h.prepareBatch("update compute_nodes set vcpus_used = :vcpus_used, "
                    + "memory_mb_used = :memory_mb_used, local_gb_used = :local_gb_used, running_vms = :running_vms, "
                    + "failed_builds = :failed_builds, updated_at = :now where id = :id");
            for (Usage u : usages) {
                batch.bind("id", u.id()).bind("vcpus_used", u.vcpusUsed()).bind("memory_mb_used", u.memoryMbUsed())
                        .bind("local_gb_used", u.localGbUsed()).bind("running_vms", u.runningVms())
                        .bind("failed_builds", u.failedBuilds()).bind("now", now).add();
            }
            batch.execute();
        });
    }

    /** What one node's instances use, as reported. */
    public record Usage(long id, int vcpusUsed, int memoryMbUsed, int localGbUsed, int runningVms, int failedBuilds) {
    }

    /** Soft-deletes every node of {@code host}; returns them as they were. */
    public List<ComputeNode> deleteByHost(String host) {
        List<ComputeNode> nodes = byHost(host);
        db.useHandle(h -> h.createUpdate("update compute_nodes set deleted = true, updated_at = :now "
                + "where host = :host and deleted = false").bind("now", clock.instant()).bind("host", host).execute());
        return nodes;
    }

    private Optional<ComputeNode> one(String where, Object value) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from compute_nodes where " + where
                + " and deleted = false").bind("v", value).map((rs, ctx) -> row(rs)).findFirst());
    }

    private static <B extends org.jdbi.v3.core.statement.SqlStatement<B>> B bindAll(B s, Report r, Instant now) {
        return s.bind("service_id", r.serviceId()).bind("type", r.hypervisorType())
                .bind("version", r.hypervisorVersion()).bind("vcpus", r.vcpus()).bind("memory_mb", r.memoryMb())
                .bind("local_gb", r.localGb()).bind("vcpus_used", r.vcpusUsed())
                .bind("memory_mb_used", r.memoryMbUsed()).bind("local_gb_used", r.localGbUsed())
                .bind("cpu_info", r.cpuInfo()).bind("host_ip", r.hostIp()).bind("running_vms", r.runningVms())
                .bind("failed_builds", r.failedBuilds()).bind("now", now);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    static ComputeNode row(ResultSet rs) throws SQLException {
        return new ComputeNode(rs.getLong("id"), rs.getString("uuid"), rs.getLong("service_id"), rs.getString("host"),
                rs.getString("hypervisor_hostname"), rs.getString("hypervisor_type"), rs.getLong("hypervisor_version"),
                rs.getInt("vcpus"), rs.getInt("memory_mb"), rs.getInt("local_gb"), rs.getInt("vcpus_used"),
                rs.getInt("memory_mb_used"), rs.getInt("local_gb_used"), rs.getString("cpu_info"),
                rs.getString("host_ip"), rs.getInt("running_vms"), rs.getInt("failed_builds"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
