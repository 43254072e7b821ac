package dev.overcast.placement.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.bus.Retryable;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderWrites;
import dev.overcast.placement.providers.InventoryApi;
import dev.overcast.placement.providers.ProviderApi;
import dev.overcast.placement.traits.TraitCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a compute agent reports on the bus: its nodes as resource providers, their inventories
 * and traits (Nova's report client, without HTTP). Every write goes through the code the REST
 * API uses ({@link ProviderWrites}, {@link TraitCatalog}) after the REST API's JSON schema, so
 * the rules, generations and messages are the same; only the transport differs.
 *
 * <p>{@link #sync} is the batch form an agent with a thousand simulated hosts needs: it
 * compares each report with the provider index first and touches the database only for
 * providers that differ, so a periodic report of unchanged nodes costs no write at all.
 *
 * <p>A failure is a {@link Failure}: a 409 {@code placement.concurrent_update} (someone changed
 * the provider first) is retryable after a re-read; everything else is not.
 */
final class ProviderRpc {
    /** The newest JSON schemas accept what this API sends (reserved may equal total, as from 1.26). */
    private static final boolean RESERVED_MAY_EQUAL_TOTAL = true;

    private final PlacementContext ctx;

    ProviderRpc(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** A write Placement refused, with its Placement error code; retryable for a generation conflict. */
    static final class Failure extends RuntimeException implements Retryable {
        private final boolean retryable;

        Failure(ApiException e) {
            super((e.code() == null ? "" : e.code() + ": ") + e.getMessage(), null, false, false);
            this.retryable = PlacementErrors.CONCURRENT_UPDATE.equals(e.code());
        }

        @Override
        public boolean retryable() {
            return retryable;
        }
    }

    PlacementRpc.ProviderReply ensure(PlacementRpc.EnsureProviderArgs args) {
        Provider p = guarded(() -> {
            String uuid = canonicalUuid(args.uuid());
            Optional<Provider> known = ctx.index().get(uuid);
            if (known.isPresent()) {
                return known.get();
            }
            validate("provider_create", createBody(uuid, args.name(), args.parentUuid()));
            String parent = args.parentUuid() == null ? null : canonicalUuid(args.parentUuid());
            Instant now = ctx.clock().instant();
            ctx.jdbi().useTransaction(h -> {
                if (!ProviderWrites.exists(h, "uuid", uuid)) {
                    ProviderWrites.insertProvider(h, uuid, args.name(), parent, now);
                }
            });
            ctx.index().refresh(List.of(uuid));
            return ctx.provider(uuid);
        });
        return reply(p);
    }

    PlacementRpc.ProviderReply setInventory(PlacementRpc.SetInventoryArgs args) {
        return reply(guarded(() -> {
            String uuid = canonicalUuid(args.uuid());
            Map<String, Inventory> inventories = inventories(uuid, args.inventories());
            Instant now = ctx.clock().instant();
            ctx.jdbi().useTransaction(h -> {
                long expected = args.generation() != null ? args.generation() : ProviderWrites.lockGeneration(h, uuid);
                ProviderWrites.setInventories(h, uuid, expected, inventories, now);
            });
            ctx.index().refresh(List.of(uuid));
            return ctx.provider(uuid);
        }));
    }

    PlacementRpc.ProviderReply setTraits(PlacementRpc.SetTraitsArgs args) {
        return reply(guarded(() -> {
            String uuid = canonicalUuid(args.uuid());
            Set<String> traits = traits(args.traits());
            Instant now = ctx.clock().instant();
            ctx.jdbi().useTransaction(h -> {
                long expected = args.generation() != null ? args.generation() : ProviderWrites.lockGeneration(h, uuid);
                TraitCatalog.setProviderTraits(h, uuid, expected, traits, now);
            });
            ctx.index().refresh(List.of(uuid));
            return ctx.provider(uuid);
        }));
    }

    /** Deletes a provider; one that does not exist is already deleted. */
    void delete(PlacementRpc.DeleteProviderArgs args) {
        guarded(() -> {
            String uuid = canonicalUuid(args.uuid());
            ctx.jdbi().useTransaction(h -> {
                if (ProviderWrites.exists(h, "uuid", uuid)) {
                    ProviderWrites.deleteProvider(h, uuid);
                }
            });
            ctx.index().refresh(List.of(uuid));
            return null;
        });
    }

    /**
     * Brings each reported provider to what its report says, each in a transaction of its own
     * so that one refusal leaves the others done; answers per provider, in report order.
     */
    PlacementRpc.SyncProvidersReply sync(PlacementRpc.SyncProvidersArgs args) {
        List<PlacementRpc.SyncResult> results = new ArrayList<>(args.providers().size());
        List<String> touched = new ArrayList<>();
        for (PlacementRpc.ProviderReport report : args.providers()) {
            String uuid = report.uuid();
            try {
                uuid = canonicalUuid(report.uuid());
                if (upToDate(uuid, report)) {
                    results.add(new PlacementRpc.SyncResult(uuid, ctx.provider(uuid).generation(), null, false));
                    continue;
                }
                long generation = write(uuid, report);
                touched.add(uuid);
                results.add(new PlacementRpc.SyncResult(uuid, generation, null, false));
            } catch (ApiException e) {
                Failure failure = new Failure(e);
                results.add(new PlacementRpc.SyncResult(uuid, -1, failure.getMessage(), failure.retryable()));
            }
        }
        ctx.index().refresh(touched);
        return new PlacementRpc.SyncProvidersReply(results);
    }

    /** True when the index already holds what the report asks for: nothing to write. */
    private boolean upToDate(String uuid, PlacementRpc.ProviderReport report) {
        Optional<Provider> known = ctx.index().get(uuid);
        if (known.isEmpty()) {
            return false;
        }
        Provider p = known.get();
        return (report.inventories() == null || p.inventories().equals(inventories(uuid, report.inventories())))
                && p.traits().equals(mergedTraits(p.traits(), report));
    }

    private long write(String uuid, PlacementRpc.ProviderReport report) {
        Map<String, Inventory> inventories = report.inventories() == null ? null
                : inventories(uuid, report.inventories());
        traits(union(report.addTraits(), report.removeTraits()));
        Instant now = ctx.clock().instant();
        return ctx.jdbi().inTransaction(h -> {
            Provider current = currentOrCreated(h, uuid, report, now);
            long generation = current.generation();
            if (inventories != null && !inventories.equals(current.inventories())) {
                generation = ProviderWrites.setInventories(h, uuid, generation, inventories, now);
            }
            Set<String> traits = mergedTraits(current.traits(), report);
            if (!traits.equals(current.traits())) {
                generation = TraitCatalog.setProviderTraits(h, uuid, generation, traits, now);
            }
            return generation;
        });
    }

    /** The provider as it is now, locked; made first if the report names it and it does not exist. */
    private Provider currentOrCreated(Handle h, String uuid, PlacementRpc.ProviderReport report, Instant now) {
        if (!ProviderWrites.exists(h, "uuid", uuid)) {
            if (report.name() == null) {
                throw new ApiException(404, "No resource provider with uuid " + uuid + " found",
                        PlacementErrors.PROVIDER_NOT_FOUND);
            }
            validate("provider_create", createBody(uuid, report.name(), null));
            ProviderWrites.insertProvider(h, uuid, report.name(), null, now);
        }
        ProviderWrites.lockGeneration(h, uuid);
        return ProviderWrites.read(h, uuid).orElseThrow();
    }

    private static Set<String> mergedTraits(Set<String> current, PlacementRpc.ProviderReport report) {
        Set<String> out = new TreeSet<>(current);
        if (report.addTraits() != null) {
            out.addAll(report.addTraits());
        }
        if (report.removeTraits() != null) {
            out.removeAll(report.removeTraits());
        }
        return out;
    }

    /** Inventories as the REST API would take them: its schema, its defaults, its capacity check. */
    private Map<String, Inventory> inventories(String uuid, Map<String, PlacementRpc.InventoryArgs> given) {
        ObjectNode body = Json.object();
        body.put("resource_provider_generation", 0);
        ObjectNode all = body.putObject("inventories");
        given.forEach((rc, i) -> {
            ObjectNode one = all.putObject(rc);
            one.put("total", i.total());
            putIfPresent(one, "reserved", i.reserved());
            putIfPresent(one, "min_unit", i.minUnit());
            putIfPresent(one, "max_unit", i.maxUnit());
            putIfPresent(one, "step_size", i.stepSize());
            if (i.allocationRatio() != null) {
                one.put("allocation_ratio", i.allocationRatio());
            }
        });
        validate("inventories_put", body);
        Map<String, Inventory> out = new LinkedHashMap<>();
        for (var e : body.get("inventories").properties()) {
            out.put(e.getKey(), ProviderWrites.requireValid(uuid, e.getKey(), InventoryApi.parse(e.getValue()),
                    RESERVED_MAY_EQUAL_TOTAL));
        }
        return out;
    }

    /** Trait names as the REST API would take them: its schema. */
    private Set<String> traits(Set<String> given) {
        Set<String> traits = given == null ? Set.of() : new LinkedHashSet<>(given);
        ObjectNode body = Json.object();
        body.put("resource_provider_generation", 0);
        var names = body.putArray("traits");
        traits.forEach(names::add);
        validate("provider_traits", body);
        return traits;
    }

    private void validate(String schema, JsonNode body) {
        ctx.schemas().validateObject(schema, body);
    }

    private static ObjectNode createBody(String uuid, String name, String parent) {
        ObjectNode body = Json.object();
        body.put("uuid", uuid);
        if (name != null) {
            body.put("name", name);
        }
        if (parent != null) {
            body.put("parent_provider_uuid", parent);
        }
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>();
        if (a != null) {
            out.addAll(a);
        }
        if (b != null) {
            out.addAll(b);
        }
        return out;
    }

    private static String canonicalUuid(String uuid) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")) {
            throw ApiException.badRequest("Invalid input for field/attribute uuid. '" + uuid + "' is not a 'uuid'");
        }
        return ProviderApi.canonical(uuid);
    }

    private static PlacementRpc.ProviderReply reply(Provider p) {
        return new PlacementRpc.ProviderReply(p.uuid(), p.generation());
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new Failure(e);
        }
    }
}
