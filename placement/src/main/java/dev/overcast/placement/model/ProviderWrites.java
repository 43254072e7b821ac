package dev.overcast.placement.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.placement.PlacementErrors;

/**
 * The writes every feature shares, inside the caller's transaction: the generation check
 * that makes concurrent writers safe, and inventory replacement. After the transaction
 * commits, the caller refreshes the {@link ProviderIndex} for the providers it touched.
 */
public final class ProviderWrites {
    private ProviderWrites() {
    }

    /**
     * Bumps a provider's generation if it is still {@code expected}; otherwise someone else
     * changed it first: a 409 {@code placement.concurrent_update}. Returns the new generation.
     */
    public static long bumpGeneration(Handle h, String uuid, long expected, Instant now) {
        int n = h.createUpdate("update resource_provider set generation = generation + 1, updated_at = :now "
                        + "where uuid = :uuid and generation = :expected")
                .bind("now", now).bind("uuid", uuid).bind("expected", expected).execute();
        if (n == 0) {
            throw PlacementErrors.concurrentUpdate("resource provider generation conflict");
        }
        return expected + 1;
    }

    /**
     * Locks a provider row for the rest of the transaction and returns its generation; a 404
     * when it does not exist. Lock providers in uuid order to avoid deadlocks.
     */
    public static long lockGeneration(Handle h, String uuid) {
        return h.createQuery("select generation from resource_provider where uuid = :uuid for update")
                .bind("uuid", uuid).mapTo(Long.class).findOne()
                .orElseThrow(() -> ApiException.notFound("No resource provider with uuid " + uuid + " found"));
    }

    /**
     * True when {@code name} is a standard resource class or a custom one that exists. A custom
     * class's row stays locked for the transaction, so it cannot be deleted while in use here.
     */
    public static boolean resourceClassExists(Handle h, String name) {
        return StandardResourceClasses.isStandard(name)
                || h.createQuery("select name from custom_resource_class where name = :name for update")
                .bind("name", name).mapTo(String.class).findOne().isPresent();
    }

    /** Amount allocated per resource class from {@code uuid}, read in the transaction. */
    public static Map<String, Long> usages(Handle h, String uuid) {
        Map<String, Long> out = new java.util.HashMap<>();
        h.createQuery("select resource_class, sum(used) from allocation where provider_uuid = :uuid "
                        + "group by resource_class")
                .bind("uuid", uuid)
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /**
     * Replaces all of a provider's inventories with {@code inventories}. A class that has
     * allocations cannot be removed (409 {@code placement.inventory.inuse}); unknown classes
     * are a 400. Lowering capacity below what is used is allowed, as upstream does: the
     * existing allocations stay, new ones do not fit.
     */
    public static void replaceInventories(Handle h, String uuid, Map<String, Inventory> inventories) {
        for (String rc : new TreeSet<>(inventories.keySet())) {
            if (!resourceClassExists(h, rc)) {
                throw ApiException.badRequest("Unknown resource class in inventory for resource provider "
                        + uuid + ": " + rc);
            }
        }
        Map<String, Long> used = usages(h, uuid);
        List<String> inUse = new ArrayList<>();
        for (Map.Entry<String, Long> u : new java.util.TreeMap<>(used).entrySet()) {
            if (u.getValue() > 0 && !inventories.containsKey(u.getKey())) {
                inUse.add(u.getKey());
            }
        }
        if (!inUse.isEmpty()) {
            throw PlacementErrors.conflict("Inventory for '" + String.join(", ", inUse) + "' on resource provider '"
                    + uuid + "' in use.", PlacementErrors.INVENTORY_INUSE);
        }
        h.createUpdate("delete from inventory where provider_uuid = :uuid").bind("uuid", uuid).execute();
        var batch = h.prepareBatch("insert into inventory (provider_uuid, resource_class, total, reserved, min_unit, "
                + "max_unit, step_size, allocation_ratio) values (:p, :rc, :total, :reserved, :min, :max, :step, :ratio)");
        for (Map.Entry<String, Inventory> e : inventories.entrySet()) {
            Inventory i = e.getValue();
            batch.bind("p", uuid).bind("rc", e.getKey()).bind("total", i.total()).bind("reserved", i.reserved())
                    .bind("min", i.minUnit()).bind("max", i.maxUnit()).bind("step", i.stepSize())
                    .bind("ratio", i.allocationRatio()).add();
        }
        if (!inventories.isEmpty()) {
            batch.execute();
        }
    }

}
