package dev.overcast.compute.aggregates;

import java.time.Instant;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.cells.CellMapping;

/**
 * Rows the aggregate, zone and usage tests need in a cell's database: services, compute nodes
 * and instances, inserted directly as the agent and the conductor would write them.

 */
public final class CellRows {
    private final ComputeServer server;

    public CellRows(ComputeServer server) {
        this.server = server;
    }

    public CellMapping cell(String name) {
        return server.context().cells().all().stream().filter(c -> name.equals(c.name())).findFirst().orElseThrow();
    }

    private Jdbi db(CellMapping cell) {
        return server.context().cells().db(cell);
    }

    /** A service on {@code host} in {@code cell}, last seen up at {@code seen}. */
    public void service(String cell, String host, String binary, boolean disabled, boolean forcedDown, Instant seen) {
        db(cell(cell)).useHandle(h -> h.createUpdate("""
                        insert into services (uuid, host, "binary", disabled, forced_down, last_seen_up, created_at,
                            updated_at)
                        values (:uuid, :host, :binary, :disabled, :forced, :seen, :seen, :seen)""")
                .bind("uuid", UUID.randomUUID().toString()).bind("host", host).bind("binary", binary)
                .bind("disabled", disabled).bind("forced", forcedDown).bind("seen", seen).execute());
    }

    /** An enabled compute service on {@code host} in {@code cell}, up now. */
    public void compute(String cell, String host) {
        service(cell, host, "nova-compute", false, false, Instant.now());
    }

    /** Deletes (softly) every service of {@code host}. */
    public void deleteServices(String cell, String host) {
        db(cell(cell)).useHandle(h -> h.createUpdate("update services set deleted = true where host = :host")
                .bind("host", host).execute());
    }

    /** A compute node of {@code host}; returns its uuid. */
    public String node(String cell, String host) {
        String uuid = UUID.randomUUID().toString();
        db(cell(cell)).useHandle(h -> h.createUpdate("""
                        insert into compute_nodes (uuid, host, hypervisor_hostname, hypervisor_type, vcpus, memory_mb,
                            local_gb, created_at)
                        values (:uuid, :host, :host, 'fake', 8, 16384, 100, :now)""")
                .bind("uuid", uuid).bind("host", host).bind("now", Instant.now()).execute());
        return uuid;
    }

    /** An instance row as the conductor writes one; the flavor is Nova's JSON of it. */
    public record Instance(String uuid, String projectId, String userId, String name, String host, String vmState,
                           String flavorJson, Instant createdAt, Instant launchedAt, Instant terminatedAt,
                           boolean deleted) {
        public static Instance running(String projectId, String host, Instant launchedAt) {
            return new Instance(UUID.randomUUID().toString(), projectId, "user", "vm", host, "active",
                    flavor("m1.small", 1, 512, 1, 0), launchedAt, launchedAt, null, false);
        }

        public Instance withFlavor(String flavorJson) {
            return new Instance(uuid, projectId, userId, name, host, vmState, flavorJson, createdAt, launchedAt,
                    terminatedAt, deleted);
        }

        public Instance terminated(Instant at) {
            return new Instance(uuid, projectId, userId, name, host, "deleted", flavorJson, createdAt, launchedAt, at,
                    true);
        }
    }

    public static String flavor(String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb) {
        return "{\"name\": \"" + name + "\", \"vcpus\": " + vcpus + ", \"memory_mb\": " + memoryMb
                + ", \"root_gb\": " + rootGb + ", \"ephemeral_gb\": " + ephemeralGb + "}";
    }

    public void instance(String cell, Instance i) {
        db(cell(cell)).useHandle(h -> h.createUpdate("""
                        insert into instances (uuid, project_id, user_id, display_name, host, flavor, vm_state,
                            launched_at, terminated_at, created_at, deleted_at, deleted)
                        values (:uuid, :project, :user, :name, :host, :flavor, :state, :launched, :terminated,
                            :created, :terminated, :deleted)""")
                .bind("uuid", i.uuid()).bind("project", i.projectId()).bind("user", i.userId())
                .bind("name", i.name()).bind("host", i.host()).bind("flavor", i.flavorJson())
                .bind("state", i.vmState()).bind("launched", i.launchedAt()).bind("terminated", i.terminatedAt())
                .bind("created", i.createdAt()).bind("deleted", i.deleted()).execute());
    }
}
