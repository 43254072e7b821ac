package dev.overcast.placement.rpc;

import java.util.ArrayList;
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
     * Candidate {@code i} is root provider {@code roots[i]} with allocation request
     * {@code allocations[i]}; a null request means the common case, every requested amount
     * from the root itself, which keeps a reply of a thousand candidates small.
     */
    public record CandidatesReply(List<String> roots, List<Map<String, Map<String, Long>>> allocations) {
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

    public PlacementRpc(PlacementContext ctx, CandidateSettings settings) {
        this.view = ProviderView.of(ctx.index());
        this.claims = new Claims(ctx);
        this.options = new AllocationCandidates.Options(true, settings.randomize(), settings.random(), false);
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
        List<String> roots = new ArrayList<>(result.requests().size());
        List<Map<String, Map<String, Long>>> allocations = new ArrayList<>(result.requests().size());
        for (AllocationCandidates.AllocationRequest request : result.requests()) {
            Map<String, Map<String, Long>> a = request.allocations();
            if (a.size() == 1) {
                String only = a.keySet().iterator().next();
                Provider p = view.get(only);
                if (p != null && p.isRoot() && a.get(only).equals(args.resources())) {
                    roots.add(only);
                    allocations.add(null);
                    continue;
                }
            }
            roots.add(rootOf(request));
            allocations.add(a);
        }
        return new CandidatesReply(roots, allocations);
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
