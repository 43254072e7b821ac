package dev.overcast.compute.quotas;

import java.time.Instant;
import java.util.UUID;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;

/** Usage made by writing rows as the servers code would: instances in a cell, build requests in the API database. */
final class Workload {
    private final ComputeContext ctx;

    Workload(ComputeContext ctx) {
        this.ctx = ctx;
    }

    /** A live instance of {@code vcpus} and {@code ramMb} in the cell called {@code cellName}; its uuid. */
    String instance(String cellName, String project, String user, int vcpus, int ramMb) {
        return instance(cellName, project, user, vcpus, ramMb, false);
    }

    String instance(String cellName, String project, String user, int vcpus, int ramMb, boolean deleted) {
        CellMapping cell = ctx.cells().all().stream().filter(c -> c.name().equals(cellName)).findFirst().orElseThrow();
        String uuid = UUID.randomUUID().toString();
        ctx.cells().db(cell).useHandle(h -> h.createUpdate("""
                        insert into instances (uuid, project_id, user_id, flavor, vm_state, created_at, deleted)
                        values (:uuid, :p, :u, :flavor, 'active', :now, :deleted)""")
                .bind("uuid", uuid).bind("p", project).bind("u", user)
                .bind("flavor", "{\"flavorid\": \"x\", \"vcpus\": " + vcpus + ", \"memory_mb\": " + ramMb + "}")
                .bind("now", Instant.now()).bind("deleted", deleted).execute());
        return uuid;
    }

    /** An instance still being built: a build request, with a mapping to no cell yet. */
    String building(String project, String user, int vcpus, int ramMb) {
        String uuid = UUID.randomUUID().toString();
        ctx.api().useHandle(h -> {
            h.createUpdate("""
                            insert into build_requests (instance_uuid, project_id, user_id, request_id,
                                                        reservation_id, instance, created_at)
                            values (:uuid, :p, :u, 'req-test', 'r-test', :instance, :now)""")
                    .bind("uuid", uuid).bind("p", project).bind("u", user)
                    .bind("instance", "{\"uuid\": \"" + uuid + "\", \"flavor\": {\"vcpus\": " + vcpus
                            + ", \"memory_mb\": " + ramMb + "}}")
                    .bind("now", Instant.now()).execute();
            h.createUpdate("""
                            insert into instance_mappings (instance_uuid, cell_id, project_id, user_id, created_at)
                            values (:uuid, null, :p, :u, :now)""")
                    .bind("uuid", uuid).bind("p", project).bind("u", user).bind("now", Instant.now()).execute();
        });
        return uuid;
    }

    /** The build request's instance has landed in {@code cellName}, whose row the caller wrote; the request stays. */
    void mapped(String uuid, String cellName) {
        CellMapping cell = ctx.cells().all().stream().filter(c -> c.name().equals(cellName)).findFirst().orElseThrow();
        ctx.api().useHandle(h -> h.createUpdate("update instance_mappings set cell_id = :c where instance_uuid = :u")
                .bind("c", cell.id()).bind("u", uuid).execute());
    }
}
