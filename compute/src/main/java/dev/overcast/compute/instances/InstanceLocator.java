package dev.overcast.compute.instances;

import java.util.Optional;

import dev.overcast.compute.ComputeContext;

/** Finds an instance's row through its mapping in the API database, whatever cell it is in. */
public final class InstanceLocator {
    private final ComputeContext ctx;

    public InstanceLocator(ComputeContext ctx) {
        this.ctx = ctx;
    }

    /** The host the instance runs on, if it is in a cell and scheduled. */
    public Optional<String> hostOf(String instanceUuid) {
        return find(instanceUuid).map(Instance::host);
    }

    public Optional<Instance> find(String instanceUuid) {
        Optional<Long> cellId = ctx.api().withHandle(h -> h.createQuery(
                        "select cell_id from instance_mappings where instance_uuid = :uuid and cell_id is not null")
                .bind("uuid", instanceUuid).mapTo(Long.class).findOne());
        return cellId.flatMap(id -> ctx.cells().byId(id))
                .flatMap(cell -> new InstanceStore(ctx.cells().db(cell)).find(instanceUuid));
    }
}
