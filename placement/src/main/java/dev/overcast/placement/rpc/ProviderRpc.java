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

    /** A report checked as the REST API would check it: canonical uuid, inventories, trait names. */
    private record Checked(String uuid, String name, Map<String, Inventory> inventories, Set<String> addTraits,
                           Set<String> removeTraits) {
        Set<String> traitsFrom(Set<String> current) {
            Set<String> out = new TreeSet<>(current);
            out.addAll(addTraits);
            out.removeAll(removeTraits);
            return out;
        }
    }

    /**
     * Brings each reported provider to what its report says and answers per provider, in
     * report order. Providers that already match the index cost nothing; providers that do
     * not exist yet are created together in one transaction (a thousand new nodes are a few
     * statements, not a few thousand); the rest, and new ones if creating them together
     * failed, are written each in a transaction of its own, so that one refusal leaves the
     * others done.
     */
    PlacementRpc.SyncProvidersReply sync(PlacementRpc.SyncProvidersArgs args) {
        List<PlacementRpc.ProviderReport> reports = args.providers();
        PlacementRpc.SyncResult[] results = new PlacementRpc.SyncResult[reports.size()];
        Checked[] checked = new Checked[reports.size()];
        List<Integer> fresh = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            PlacementRpc.ProviderReport report = reports.get(i);
            try {
                Checked c = check(report);
                checked[i] = c;
                Optional<Provider> known = ctx.index().get(c.uuid());
                if (known.isPresent() && matches(known.get(), c)) {
                    results[i] = ok(c.uuid(), known.get().generation());
                } else if (known.isEmpty() && c.name() != null) {
                    fresh.add(i);
                } else {
                    oneByOne.add(i);
                }
            } catch (ApiException e) {
                results[i] = failed(report.uuid(), e);
            }
        }
        List<String> touched = new ArrayList<>();
        if (!fresh.isEmpty()) {
            try {
                createTogether(fresh.stream().map(i -> checked[i]).toList());
                for (int i : fresh) {
                    results[i] = ok(checked[i].uuid(), initialGeneration(checked[i]));
                    touched.add(checked[i].uuid());
                }
            } catch (ApiException e) {
                oneByOne.addAll(fresh);
            }
        }
        for (int i : oneByOne) {
            try {
                results[i] = ok(checked[i].uuid(), write(checked[i]));
                touched.add(checked[i].uuid());
            } catch (ApiException e) {
                results[i] = failed(checked[i].uuid(), e);
            }
        }
        ctx.index().refresh(touched);
        return new PlacementRpc.SyncProvidersReply(List.of(results));
    }

    private Checked check(PlacementRpc.ProviderReport report) {
        String uuid = canonicalUuid(report.uuid());
        Map<String, Inventory> inventories = report.inventories() == null ? null
                : inventories(uuid, report.inventories());
        Set<String> add = traits(report.addTraits());
        Set<String> remove = traits(report.removeTraits());
        if (report.name() != null) {
            validate("provider_create", createBody(uuid, report.name(), null));
        }
        return new Checked(uuid, report.name(), inventories, add, remove);
    }

    private static boolean matches(Provider p, Checked c) {
        return (c.inventories() == null || p.inventories().equals(c.inventories()))
                && p.traits().equals(c.traitsFrom(p.traits()));
    }

    /** The generation a new provider has once its inventories and then its traits were written. */
    private static long initialGeneration(Checked c) {
        return (c.inventories() == null || c.inventories().isEmpty() ? 0 : 1)
                + (c.traitsFrom(Set.of()).isEmpty() ? 0 : 1);
    }

    private void createTogether(List<Checked> news) {
        Instant now = ctx.clock().instant();
        List<ProviderWrites.NewProvider> providers = new ArrayList<>(news.size());
        Map<String, Set<String>> traits = new LinkedHashMap<>();
        for (Checked c : news) {
            providers.add(new ProviderWrites.NewProvider(c.uuid(), c.name(),
                    c.inventories() == null ? Map.of() : c.inventories(), initialGeneration(c)));
            traits.put(c.uuid(), c.traitsFrom(Set.of()));
        }
        ctx.jdbi().useTransaction(h -> {
            ProviderWrites.insertProviders(h, providers, now);
            TraitCatalog.addToNewProviders(h, traits);
        });
    }

    private long write(Checked c) {
        Instant now = ctx.clock().instant();
        return ctx.jdbi().inTransaction(h -> {
            Provider current = currentOrCreated(h, c, now);
            long generation = current.generation();
            if (c.inventories() != null && !c.inventories().equals(current.inventories())) {
                generation = ProviderWrites.setInventories(h, c.uuid(), generation, c.inventories(), now);
            }
            Set<String> traits = c.traitsFrom(current.traits());
            if (!traits.equals(current.traits())) {
                generation = TraitCatalog.setProviderTraits(h, c.uuid(), generation, traits, now);
            }
            return generation;
        });
    }

    private static PlacementRpc.SyncResult ok(String uuid, long generation) {
        return new PlacementRpc.SyncResult(uuid, generation, null, false);
    }

    private static PlacementRpc.SyncResult failed(String uuid, ApiException e) {
        Failure failure = new Failure(e);
        return new PlacementRpc.SyncResult(uuid, -1, failure.getMessage(), failure.retryable());
    }

    /** The provider as it is now, locked; made first if the report names it and it does not exist. */
    private Provider currentOrCreated(Handle h, Checked c, Instant now) {
        if (!ProviderWrites.exists(h, "uuid", c.uuid())) {
            if (c.name() == null) {
                throw new ApiException(404, "No resource provider with uuid " + c.uuid() + " found",
                        PlacementErrors.PROVIDER_NOT_FOUND);
            }
            ProviderWrites.insertProvider(h, c.uuid(), c.name(), null, now);
        }
        ProviderWrites.lockGeneration(h, c.uuid());
        return ProviderWrites.read(h, c.uuid()).orElseThrow();
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
