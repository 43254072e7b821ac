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

    private final ProviderView view;
    private final Claims claims;
    private final AllocationCandidates.Options options;
    private final AggregateMembersRpc aggregateMembers;

    public PlacementRpc(PlacementContext ctx, CandidateSettings settings) {
        this.view = ProviderView.of(ctx.index());
        this.claims = new Claims(ctx);
        this.options = new AllocationCandidates.Options(true, settings.randomize(), settings.random(), false);
        this.aggregateMembers = new AggregateMembersRpc(ctx);
    }

    /** Starts serving the topic as {@code server}; close the subscription to stop. */
    public Subscription listen(Bus bus, String server) {
        return bus.listen(TOPIC, server, Dispatcher.builder("1.0")
                .on("allocation_candidates", CandidatesArgs.class, (args, context) -> candidates(args))
                .on("claim", ClaimArgs.class, (args, context) -> new ClaimReply(claims.claim(args.consumerUuid(),
                        args.projectId(), args.userId(), args.consumerType(), args.allocations())))
                .on("release", ReleaseArgs.class, (args, context) -> {
                    claims.release(args.consumerUuid());
                    return null;
                })
                .on(AggregateMembersRpc.METHOD, AggregateMembersRpc.VERSION, AggregateMembersRpc.Args.class,
                        (args, context) -> aggregateMembers.handle(args))
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
            String root = simpleRoot(a, args.resources());
            if (root == null) {
                root = rootOf(result.requests().get(i));
                allocations.put(i, a);
            }
            roots.append(i == 0 ? "" : " ").append(root);
        }
        return new CandidatesReply(roots.toString(), allocations);
    }

    /** The root, when a candidate takes every requested amount from a root provider alone; else null. */
    private String simpleRoot(Map<String, Map<String, Long>> allocations, Map<String, Long> requested) {
        if (allocations.size() != 1) {
            return null;
        }
        Map.Entry<String, Map<String, Long>> only = allocations.entrySet().iterator().next();
        Provider p = view.get(only.getKey());
        return p != null && p.isRoot() && only.getValue().equals(requested) ? only.getKey() : null;
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
