package dev.overcast.compute.servers;


import java.util.Optional;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildRequest;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.InstanceMapping;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.FaultStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.network.InfoCacheStore;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * Finds one server wherever it is: a build request in the API database, or an instance in the
 * cell its mapping names. A server of another project is not found unless the caller is an
 * admin, as in Nova.
 */
final class ServerLookup {
    private final ComputeContext ctx;
    private final BuildStore builds;

    ServerLookup(ComputeContext ctx) {
        this.ctx = ctx;
        this.builds = new BuildStore(ctx.api());
    }

    /** The live server {@code uuid} as {@code req}'s caller may see it; a 404 otherwise. */
    ServerRecord require(Request req, String uuid) {
        ServerRecord r = find(uuid).orElseThrow(() -> notFound(uuid));
        if (r.instance().deleted() || !visible(req, r.instance())) {
            throw notFound(uuid);
        }
        return r;
    }

    static ApiException notFound(String uuid) {
        return ApiException.notFound("Instance " + uuid + " could not be found.");
    }

    boolean visible(Request req, Instance i) {
        return i.projectId().equals(req.auth().projectId()) || isAdmin(req);
    }

    boolean isAdmin(Request req) {
        return ctx.allows(req, "context_is_admin", java.util.Map.of());
    }

    Optional<ServerRecord> find(String uuid) {
        Optional<InstanceMapping> mapping = builds.mapping(uuid);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        if (mapping.get().cellId() == null) {
            Optional<BuildRequest> build = builds.find(uuid);
            if (build.isPresent()) {
                BuildRequest b = build.get();
                return Optional.of(new ServerRecord(b.instance(), b.metadata(), b.tags(), null, null));
            }
            // Moved to its cell between the two reads.
            mapping = builds.mapping(uuid);
            if (mapping.isEmpty() || mapping.get().cellId() == null) {
                return Optional.empty();
            }
        }
        Optional<CellMapping> cell = ctx.cells().byId(mapping.get().cellId());
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        try {
            InstanceStore store = new InstanceStore(ctx.cells().db(cell.get()));
            return store.find(uuid).map(i -> new ServerRecord(i, store.metadata(uuid), store.tags(uuid),
                    new FaultStore(store.db()).latest(uuid).orElse(null), cell.get(),
                    new InfoCacheStore(store.db()).get(uuid)));
        } catch (RuntimeException e) {
            throw new CellDown(mapping.get(), e);
        }
    }

    /** The cell holding a server did not answer; from 2.69 the server is shown as an UNKNOWN record. */
    static final class CellDown extends ApiException {
        private final dev.overcast.compute.builds.InstanceMapping mapping;

        CellDown(dev.overcast.compute.builds.InstanceMapping mapping, RuntimeException cause) {
            super(503, "The cell of instance " + mapping.instanceUuid() + " did not answer; try again later.");
            addSuppressed(cause);
            this.mapping = mapping;
        }

        dev.overcast.compute.builds.InstanceMapping mapping() {
            return mapping;
        }
    }

    /** The server's cell; a 409 while it is still being scheduled, for operations that need the instance. */
    static CellMapping cellOf(ServerRecord r, String operation) {
        if (r.cell() == null) {
            throw new ApiException(409, "Cannot '" + operation + "' instance " + r.uuid()
                    + " while it is in vm_state building");
        }
        return r.cell();
    }

}
