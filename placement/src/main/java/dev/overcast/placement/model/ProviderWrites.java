package dev.overcast.placement.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import dev.overcast.core.http.ApiException;
import dev.overcast.placement.PlacementErrors;

/**
 * The writes every feature shares, inside the caller's transaction: creating and deleting a
 * provider, the generation check that makes concurrent writers safe, and inventory
 * replacement. The REST API and the bus API ({@code rpc}) both write through here, so their
 * rules and messages are one. After the transaction commits, the caller refreshes the
 * {@link ProviderIndex} for the providers it touched.
 */
public final class ProviderWrites {
    private ProviderWrites() {
    }

    private static final long MAX_INT = 2147483647L;

    /**
     * Inserts a provider, a child of {@code parent} or a root when it is null; a 409
     * {@code placement.duplicate_name} when the uuid or the name is taken, a 400 when the
     * parent does not exist.
     */
    public static void insertProvider(Handle h, String uuid, String name, String parent, Instant now) {
        if (exists(h, "uuid", uuid)) {
            throw PlacementErrors.conflict("Conflicting resource provider uuid: " + uuid + " already exists.",
                    PlacementErrors.DUPLICATE_NAME);
        }
        if (exists(h, "name", name)) {
            throw PlacementErrors.conflict("Conflicting resource provider name: " + name + " already exists.",
                    PlacementErrors.DUPLICATE_NAME);
        }
        String root = parent == null ? uuid : rootOf(h, parent);
        h.createUpdate("insert into resource_provider (uuid, name, generation, parent_uuid, root_uuid, "
                        + "created_at, updated_at) values (:uuid, :name, 0, :parent, :root, :now, :now)")
                .bind("uuid", uuid).bind("name", name).bind("parent", parent).bind("root", root)
                .bind("now", now).execute();
    }

    /**
     * A root provider to create with its inventories at once.
     *
     * @param generation the generation it starts at
     */
    public record NewProvider(String uuid, String name, Map<String, Inventory> inventories, long generation) {
    }

    /**
     * Inserts many root providers with their inventories in a few statements, for a compute
     * agent registering a thousand nodes: the same checks as {@link #insertProvider} and
     * {@link #replaceInventories} (uuids and names free, among themselves too; resource
     * classes known), for all of them before anything is written. Any failure fails them all.
     */
    public static void insertProviders(Handle h, List<NewProvider> providers, Instant now) {
        Set<String> uuids = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        Set<String> classes = new TreeSet<>();
        for (NewProvider p : providers) {
            if (!uuids.add(p.uuid())) {
                throw PlacementErrors.conflict("Conflicting resource provider uuid: " + p.uuid() + " already exists.",
                        PlacementErrors.DUPLICATE_NAME);
            }
            if (!names.add(p.name())) {
                throw PlacementErrors.conflict("Conflicting resource provider name: " + p.name() + " already exists.",
                        PlacementErrors.DUPLICATE_NAME);
            }
            classes.addAll(p.inventories().keySet());
        }
        for (String rc : classes) {
            if (!resourceClassExists(h, rc)) {
                throw ApiException.badRequest("Unknown resource class in inventory: " + rc);
            }
        }
        for (List<String> chunk : chunks(new ArrayList<>(uuids))) {
            h.createQuery("select uuid from resource_provider where uuid in (<v>)").bindList("v", chunk)
                    .mapTo(String.class).findFirst().ifPresent(taken -> {
                        throw PlacementErrors.conflict("Conflicting resource provider uuid: " + taken
                                + " already exists.", PlacementErrors.DUPLICATE_NAME);
                    });
        }
        for (List<String> chunk : chunks(new ArrayList<>(names))) {
            h.createQuery("select name from resource_provider where name in (<v>)").bindList("v", chunk)
                    .mapTo(String.class).findFirst().ifPresent(taken -> {
                        throw PlacementErrors.conflict("Conflicting resource provider name: " + taken
                                + " already exists.", PlacementErrors.DUPLICATE_NAME);
                    });
        }
        var rows = h.prepareBatch("insert into resource_provider (uuid, name, generation, parent_uuid, root_uuid, "
                + "created_at, updated_at) values (:uuid, :name, :generation, null, :uuid, :now, :now)");
        var inventories = h.prepareBatch(INSERT_INVENTORY);
        boolean anyInventory = false;
        for (NewProvider p : providers) {
            rows.bind("uuid", p.uuid()).bind("name", p.name()).bind("generation", p.generation()).bind("now", now).add();
            for (Map.Entry<String, Inventory> e : p.inventories().entrySet()) {
                bindInventory(inventories, p.uuid(), e.getKey(), e.getValue()).add();
                anyInventory = true;
            }
        }
        if (!providers.isEmpty()) {
            rows.execute();
        }
        if (anyInventory) {
            inventories.execute();
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    /**
     * Deletes a provider that exists; a 409 when it has allocations or children (upstream's
     * {@code placement.resource_provider.inuse} and {@code cannot_delete_parent}).
     */
    public static void deleteProvider(Handle h, String uuid) {
        lockGeneration(h, uuid);
        if (count(h, "select count(*) from allocation where provider_uuid = :uuid", uuid) > 0) {
            throw PlacementErrors.conflict("Unable to delete resource provider " + uuid
                    + ": Resource provider has allocations.", PlacementErrors.PROVIDER_INUSE);
        }
        if (count(h, "select count(*) from resource_provider where parent_uuid = :uuid", uuid) > 0) {
            throw PlacementErrors.conflict("Unable to delete parent resource provider " + uuid
                    + ": It has child resource providers.", PlacementErrors.PROVIDER_CANNOT_DELETE_PARENT);
        }
        h.createUpdate("delete from resource_provider where uuid = :uuid").bind("uuid", uuid).execute();
    }

    /** The root of {@code parent}'s tree; a 400 when there is no such provider. */
    public static String rootOf(Handle h, String parent) {
        return h.createQuery("select root_uuid from resource_provider where uuid = :uuid")
                .bind("uuid", parent).mapTo(String.class).findOne()
                .orElseThrow(() -> ApiException.badRequest("parent provider UUID does not exist."));
    }

    /** True when a provider has {@code value} in {@code column} ({@code uuid} or {@code name}). */
    public static boolean exists(Handle h, String column, String value) {
        return count(h, "select count(*) from resource_provider where " + column + " = :uuid", value) > 0;
    }

    private static int count(Handle h, String sql, String uuid) {
        return h.createQuery(sql).bind("uuid", uuid).mapTo(Integer.class).one();
    }

    /** One provider as it is in the database now, read in the caller's transaction; empty when none. */
    public static java.util.Optional<Provider> read(Handle h, String uuid) {
        return ProviderRows.load(h, List.of(uuid)).stream().findFirst();
    }

    /**
     * Checks one inventory's amounts: capacity must stay positive; from 1.26 reserved may equal
     * total (capacity 0), as upstream allows. A 400 in upstream's words otherwise.
     */
    public static Inventory requireValid(String uuid, String rc, Inventory i, boolean reservedMayEqualTotal) {
        if (reservedMayEqualTotal ? i.capacity() < 0 : i.capacity() <= 0) {
            throw ApiException.badRequest("Unable to update inventory for resource provider " + uuid
                    + ": Invalid inventory for '" + rc + "' on resource provider '" + uuid + "'. The reserved value is "
                    + (reservedMayEqualTotal ? "greater than total." : "greater than or equal to total."));
        }
        return i;
    }

    /** An inventory with upstream's defaults for the amounts left out (null). */
    public static Inventory withDefaults(long total, Long reserved, Long minUnit, Long maxUnit, Long stepSize,
                                         Double allocationRatio) {
        return new Inventory(total, reserved == null ? 0 : reserved, minUnit == null ? 1 : minUnit,
                maxUnit == null ? MAX_INT : maxUnit, stepSize == null ? 1 : stepSize,
                allocationRatio == null ? 1.0 : allocationRatio);
    }

    /**
     * Replaces a provider's inventories if its generation is still {@code expected} (a 409
     * {@code placement.concurrent_update} otherwise) and bumps it; returns the new generation.
     */
    public static long setInventories(Handle h, String uuid, long expected, Map<String, Inventory> inventories,
                                      Instant now) {
        long current = lockGeneration(h, uuid);
        if (current != expected) {
            throw PlacementErrors.concurrentUpdate("resource provider generation conflict");
        }
        replaceInventories(h, uuid, inventories);
        return bumpGeneration(h, uuid, expected, now);
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
     * Sets the generations of providers this transaction has locked, in one batch of statements.
     *
     * @param generations provider uuid → its new generation
     */
    public static void setGenerations(Handle h, Map<String, Long> generations, Instant now) {
        if (generations.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("update resource_provider set generation = :generation, "
                + "updated_at = :now where uuid = :uuid");
        generations.forEach((uuid, generation) -> batch.bind("generation", generation).bind("now", now)
                .bind("uuid", uuid).add());
        batch.execute();
    }

    /**
     * Locks a provider row for the rest of the transaction and returns its generation; a 404
     * when it does not exist. Lock providers in uuid order to avoid deadlocks.
     */
    public static long lockGeneration(Handle h, String uuid) {
        return lockIfExists(h, uuid)
                .orElseThrow(() -> ApiException.notFound("No resource provider with uuid " + uuid + " found"));
    }

    /**
     * Locks the rows of the providers that exist among {@code uuids} for the rest of the
     * transaction, in ascending order of uuid (the order every writer locks providers in).
     *
     * @return the generation of each provider locked
     */
    public static Map<String, Long> lockExisting(Handle h, java.util.Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return Map.of();
        }
        return h.createQuery("select uuid, generation from resource_provider where uuid = any(:uuids) order by uuid "
                        + "for update")
                .bind("uuids", SqlArray.of("varchar", uuids))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Locks a provider row for the rest of the transaction; its generation, or empty when there is none. */
    public static java.util.Optional<Long> lockIfExists(Handle h, String uuid) {
        return h.createQuery("select generation from resource_provider where uuid = :uuid for update")
                .bind("uuid", uuid).mapTo(Long.class).findOne();
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
        var batch = h.prepareBatch(INSERT_INVENTORY);
        for (Map.Entry<String, Inventory> e : inventories.entrySet()) {
            bindInventory(batch, uuid, e.getKey(), e.getValue()).add();
        }
        if (!inventories.isEmpty()) {
            batch.execute();
        }
    }

    private static final String INSERT_INVENTORY = "insert into inventory (provider_uuid, resource_class, total, "
            + "reserved, min_unit, max_unit, step_size, allocation_ratio) "
            + "values (:p, :rc, :total, :reserved, :min, :max, :step, :ratio)";

    private static org.jdbi.v3.core.statement.PreparedBatch bindInventory(org.jdbi.v3.core.statement.PreparedBatch b,
                                                                         String uuid, String rc, Inventory i) {
        return b.bind("p", uuid).bind("rc", rc).bind("total", i.total()).bind("reserved", i.reserved())
                .bind("min", i.minUnit()).bind("max", i.maxUnit()).bind("step", i.stepSize())
                .bind("ratio", i.allocationRatio());
    }

}
