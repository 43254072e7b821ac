package dev.overcast.placement.rpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Dispatcher;
import dev.overcast.core.bus.Subscription;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.allocations.Claims;
import dev.overcast.placement.candidates.AllocationCandidates;
import dev.overcast.placement.candidates.CandidateQuery;
import dev.overcast.placement.candidates.CandidateSettings;
import dev.overcast.placement.candidates.ProviderView;
import dev.overcast.placement.candidates.RequestGroup;
import dev.overcast.placement.model.Provider;

/**
 * Placement on the bus, topic {@code placement}: what the Compute scheduler asks for on every
 * boot, served by the same code as {@code GET /allocation_candidates} and
 * {@code PUT /allocations}. The messages, version 1.0, are the contract with Compute's
 * {@code BusPlacementClient}, which declares the same shapes:
 * <ul>
 * <li>{@code allocation_candidates}: one unsuffixed request group → candidates, each a root
 *     provider and its allocation request;</li>
 * <li>{@code claim}: one consumer's allocations, all or nothing → whether they were made;</li>
 * <li>{@code release}: removes one consumer's allocations.</li>
 * </ul>
 * Version 1.1 adds what a compute agent reports (Nova's report client), served by
 * {@link ProviderRpc} with the REST API's rules:
 * <ul>
 * <li>{@code ensure_provider}: creates a root (or child) provider unless it exists → its generation;</li>
 * <li>{@code set_inventory}: replaces a provider's inventories, at the generation given (a
 *     retryable failure when it moved on) or, with none, at whatever it is now;</li>
 * <li>{@code set_traits}: replaces a provider's traits, likewise;</li>
 * <li>{@code delete_provider}: deletes a provider, if it exists and nothing is allocated from it;</li>
 * <li>{@code sync_providers}: for many providers at once, creates what is missing and brings
 *     inventories and traits to what is reported, writing only what differs → per provider,
 *     its generation or why not.</li>
 * </ul>
 * Version 1.2 adds {@code move}: one consumer's allocations become another's in one write (a
 * migration holding its server's source host, and giving it back on a revert) → whether anything moved.
 */
public final class PlacementRpc {
    public static final String TOPIC = "placement";

    public record CandidatesArgs(Map<String, Long> resources, Set<String> required, Set<String> forbidden,
                                 List<Set<String>> memberOf, Set<String> forbiddenAggregates, String inTree,
                                 Integer limit) {
    }

    /**
     * The candidates, compact because a reply carries up to a thousand of them: {@code roots}
     * is their root providers' uuids separated by spaces, in order; {@code allocations} holds,
     * by position, the allocation requests of the candidates that do not simply take every
     * requested amount from their root (nested and sharing trees). JSON of a thousand separate
     * strings and nulls costs more than the search itself.
     */
    public record CandidatesReply(String roots, Map<Integer, Map<String, Map<String, Long>>> allocations) {
    }

    public record ClaimArgs(String consumerUuid, String projectId, String userId, String consumerType,
                            Map<String, Map<String, Long>> allocations) {
    }

    public record ClaimReply(boolean claimed) {
    }

    public record ReleaseArgs(String consumerUuid) {
    }

    public record MoveArgs(String from, String to, String consumerType, boolean replaceTarget) {
    }

    public record MoveReply(boolean moved) {
    }

    /** A provider to exist: {@code parentUuid} null for a root. */
    public record EnsureProviderArgs(String uuid, String name, String parentUuid) {
    }

    /** One resource class's inventory; a null amount takes the REST API's default. */
    public record InventoryArgs(long total, Long reserved, Long minUnit, Long maxUnit, Long stepSize,
                                Double allocationRatio) {
    }

    /** @param generation the generation the caller read, or null to replace whatever is there */
    public record SetInventoryArgs(String uuid, Long generation, Map<String, InventoryArgs> inventories) {
    }

    /** @param generation the generation the caller read, or null to replace whatever is there */
    public record SetTraitsArgs(String uuid, Long generation, Set<String> traits) {
    }

    public record DeleteProviderArgs(String uuid) {
    }

    public record ProviderReply(String uuid, long generation) {
    }

    /**
     * What one provider should be.
     *
     * @param name         its name if it must be created; null to only update one that exists
     * @param inventories  every inventory it should have, or null to leave them as they are
     * @param addTraits    traits it should have (others it has are kept)
     * @param removeTraits traits it should not have
     */
    public record ProviderReport(String uuid, String name, Map<String, InventoryArgs> inventories,
                                 Set<String> addTraits, Set<String> removeTraits) {
    }

    public record SyncProvidersArgs(List<ProviderReport> providers) {
    }

    /**
     * One provider's outcome: its generation, or (generation -1) the reason it was refused and
     * whether reporting it again after a re-read may succeed.
     */
    public record SyncResult(String uuid, long generation, String error, boolean retryable) {
    }

    public record SyncProvidersReply(List<SyncResult> results) {
    }

    private final ProviderView view;
    private final Claims claims;
    private final AllocationCandidates.Options options;
    private final AggregateMembersRpc aggregateMembers;
    private final ProviderRpc providers;

    public PlacementRpc(PlacementContext ctx, CandidateSettings settings) {
        this.view = ProviderView.of(ctx.index());
        this.claims = new Claims(ctx);
        this.providers = new ProviderRpc(ctx);
        this.options = new AllocationCandidates.Options(true, settings.randomize(), settings.random(), false);
        this.aggregateMembers = new AggregateMembersRpc(ctx);
    }

    /** Starts serving the topic as {@code server}; close the subscription to stop. */
    public Subscription listen(Bus bus, String server) {
        return bus.listen(TOPIC, server, Dispatcher.builder("1.2")
                .on("allocation_candidates", CandidatesArgs.class, (args, context) -> candidates(args))
                .on("claim", ClaimArgs.class, (args, context) -> new ClaimReply(claims.claim(args.consumerUuid(),
                        args.projectId(), args.userId(), args.consumerType(), args.allocations())))
                .on("release", ReleaseArgs.class, (args, context) -> {
                    claims.release(args.consumerUuid());
                    return null;
                })
                .on("move", "1.2", MoveArgs.class, (args, context) -> new MoveReply(claims.move(args.from(),
                        args.to(), args.consumerType(), args.replaceTarget())))
                .on(AggregateMembersRpc.METHOD, AggregateMembersRpc.VERSION, AggregateMembersRpc.Args.class,
                        (args, context) -> aggregateMembers.handle(args))
                .on("ensure_provider", EnsureProviderArgs.class, (args, context) -> providers.ensure(args))
                .on("set_inventory", SetInventoryArgs.class, (args, context) -> providers.setInventory(args))
                .on("set_traits", SetTraitsArgs.class, (args, context) -> providers.setTraits(args))
                .on("delete_provider", DeleteProviderArgs.class, (args, context) -> {
                    providers.delete(args);
                    return null;
                })
                .on("sync_providers", SyncProvidersArgs.class, (args, context) -> providers.sync(args))
                .build());
    }

    CandidatesReply candidates(CandidatesArgs args) {
        List<Set<String>> required = new ArrayList<>();
        for (String trait : nullToEmpty(args.required())) {
            required.add(Set.of(trait));
        }
        RequestGroup group = RequestGroup.of("", args.resources())
                .withRequired(required, nullToEmpty(args.forbidden()))
                .withMemberOf(args.memberOf() == null ? List.of() : args.memberOf(),
                        nullToEmpty(args.forbiddenAggregates()));
        if (args.inTree() != null) {
            group = group.withInTree(args.inTree());
        }
        var result = AllocationCandidates.find(view, CandidateQuery.of(List.of(group)).withLimit(args.limit()),
                options);
        StringBuilder roots = new StringBuilder(result.requests().size() * 37);
        Map<Integer, Map<String, Map<String, Long>>> allocations = new HashMap<>();
        for (int i = 0; i < result.requests().size(); i++) {
            Map<String, Map<String, Long>> a = result.requests().get(i).allocations();
            String root = result.anchors().get(i);
            if (!takesAllFrom(root, a, group.resources())) {
                root = rootOf(result.requests().get(i));
                allocations.put(i, a);
            }
            roots.append(i == 0 ? "" : " ").append(root);
        }
        return new CandidatesReply(roots.toString(), allocations);
    }

    /**
     * True when a candidate takes every requested amount from its anchor, a root, alone. The engine
     * hands the common candidate the group's own map of amounts, so comparing by identity first
     * spares comparing a thousand maps entry by entry.
     */
    private static boolean takesAllFrom(String anchor, Map<String, Map<String, Long>> allocations,
                                        Map<String, Long> requested) {
        if (allocations.size() != 1) {
            return false;
        }
        Map<String, Long> amounts = allocations.get(anchor);
        return amounts == requested || requested.equals(amounts);
    }

    /** The root of the tree a candidate is anchored at: that of a provider that shares nothing. */
    private String rootOf(AllocationCandidates.AllocationRequest request) {
        String any = null;
        for (String uuid : request.allocations().keySet()) {
            Provider p = view.get(uuid);
            if (p == null) {
                continue;
            }
            any = p.rootUuid();
            if (!view.sharing().contains(uuid)) {
                return p.rootUuid();
            }
        }
        return any;
    }

    private static <T> Set<T> nullToEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }
}
