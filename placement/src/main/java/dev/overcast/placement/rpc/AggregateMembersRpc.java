package dev.overcast.placement.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.model.ProviderWrites;

/**
 * {@code aggregate_members} (version 1.1): Compute mirrors a host aggregate's membership into
 * Placement, as Nova's {@code aggregate_add_host} and {@code aggregate_remove_host} do with
 * {@code PUT /resource_providers/{uuid}/aggregates}. The message names one aggregate and the
 * providers (a host's compute nodes) that join or leave it. Each provider whose aggregates change
 * has its generation bumped, as that PUT does from microversion 1.19. Providers Placement does not
 * know are skipped and named in the reply: Nova only warns about them, since a compute node
 * reports its provider on its own schedule.
 */
public final class AggregateMembersRpc {
    public static final String METHOD = "aggregate_members";
    public static final String VERSION = "1.1";

    /** Providers that join ({@code add}) and leave ({@code remove}) aggregate {@code aggregateUuid}. */
    public record Args(String aggregateUuid, List<String> add, List<String> remove) {
    }

    /** The providers named that Placement does not know. */
    public record Reply(List<String> unknown) {
    }

    private final PlacementContext ctx;

    public AggregateMembersRpc(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** Applies one message in one transaction, then refreshes the index for the providers it changed. */
    public Reply handle(Args args) {
        if (args.aggregateUuid() == null || args.aggregateUuid().isBlank()) {
            throw new IllegalArgumentException("aggregate_members needs an aggregate uuid");
        }
        List<String> add = args.add() == null ? List.of() : args.add();
        List<String> remove = args.remove() == null ? List.of() : args.remove();
        // Lock providers in uuid order, as every writer does, so that writers never deadlock.
        TreeSet<String> all = new TreeSet<>(add);
        all.addAll(remove);
        Instant now = ctx.clock().instant();
        List<String> unknown = new ArrayList<>();
        List<String> changed = ctx.jdbi().inTransaction(h -> {
            List<String> touched = new ArrayList<>();
            for (String provider : all) {
                Optional<Long> generation = h.createQuery(
                                "select generation from resource_provider where uuid = :uuid for update")
                        .bind("uuid", provider).mapTo(Long.class).findOne();
                if (generation.isEmpty()) {
                    unknown.add(provider);
                    continue;
                }
                boolean member = h.createQuery("select count(*) from provider_aggregate "
                                + "where provider_uuid = :p and aggregate_uuid = :a")
                        .bind("p", provider).bind("a", args.aggregateUuid()).mapTo(Long.class).one() > 0;
                boolean join = add.contains(provider) && !remove.contains(provider);
                if (join && !member) {
                    h.createUpdate("insert into provider_aggregate (provider_uuid, aggregate_uuid) values (:p, :a)")
                            .bind("p", provider).bind("a", args.aggregateUuid()).execute();
                } else if (!join && member) {
                    h.createUpdate("delete from provider_aggregate where provider_uuid = :p and aggregate_uuid = :a")
                            .bind("p", provider).bind("a", args.aggregateUuid()).execute();
                } else {
                    continue;
                }
                ProviderWrites.bumpGeneration(h, provider, generation.get(), now);
                touched.add(provider);
            }
            return touched;
        });
        if (!changed.isEmpty()) {
            ctx.index().refresh(changed);
        }
        return new Reply(List.copyOf(unknown));
    }
}
