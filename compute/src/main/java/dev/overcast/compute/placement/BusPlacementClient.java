package dev.overcast.compute.placement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.overcast.compute.scheduler.Candidate;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.PlacementQuery;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.Target;

/**
 * The scheduler's way to Placement: RPC calls on the bus topic {@code placement}, which
 * Placement serves with the same code as its REST API. A call is cheaper than REST (no token
 * check, no HTTP) and works the same in-process and over RabbitMQ.
 *
 * <p>The messages are the contract between the two services; Placement declares the same
 * shapes on its side (see its {@code rpc} package). Version 1.0:
 * <ul>
 * <li>{@code allocation_candidates}: the query's single request group → candidates, each a
 *     root provider and its allocation request;</li>
 * <li>{@code claim}: allocations for one consumer, all or nothing → whether they were made
 *     (false when capacity or a concurrent change refused them);</li>
 * <li>{@code release}: removes one consumer's allocations.</li>
 * </ul>
 * Version 1.2 adds {@code move}: one consumer's allocations become another's in one write.
 */
public final class BusPlacementClient implements PlacementClient {
    static final Target PLACEMENT = Target.of("placement");
    static final Method CANDIDATES = Method.of("allocation_candidates", "1.0");
    static final Method CLAIM = Method.of("claim", "1.0");
    static final Method RELEASE = Method.of("release", "1.0");
    static final Method MOVE = Method.of("move", "1.2");

    /** The query: one request group, as the pre-filters made it. */
    public record CandidatesArgs(Map<String, Long> resources, Set<String> required, Set<String> forbidden,
                                 List<Set<String>> memberOf, Set<String> forbiddenAggregates, String inTree,
                                 Integer limit) {
    }

    /**
     * The candidates: {@code roots} their root providers' uuids separated by spaces, in
     * order; {@code allocations} by position the requests of candidates that do not take
     * every requested amount from their root alone.
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

    private final Bus bus;
    private final Duration timeout;

    /** @param timeout how long one call may wait for Placement */
    public BusPlacementClient(Bus bus, Duration timeout) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public List<Candidate> candidates(PlacementQuery q) {
        CandidatesReply reply = bus.call(PLACEMENT, CANDIDATES, new CandidatesArgs(q.resources(), q.requiredTraits(),
                q.forbiddenTraits(), q.memberOf(), q.forbiddenAggregates(), q.inTree(), q.limit()),
                CandidatesReply.class, timeout);
        if (reply.roots().isEmpty()) {
            return List.of();
        }
        String[] roots = reply.roots().split(" ");
        Map<String, Long> resources = q.resources();
        List<Candidate> out = new ArrayList<>(roots.length);
        for (int i = 0; i < roots.length; i++) {
            Map<String, Map<String, Long>> request = reply.allocations().get(i);
            out.add(new Candidate(roots[i], request == null ? Map.of(roots[i], resources) : request));
        }
        return out;
    }

    @Override
    public boolean claim(String consumerUuid, String projectId, String userId,
                         Map<String, Map<String, Long>> allocations) {
        return bus.call(PLACEMENT, CLAIM, new ClaimArgs(consumerUuid, projectId, userId, "INSTANCE", allocations),
                ClaimReply.class, timeout).claimed();
    }

    @Override
    public void release(String consumerUuid) {
        bus.call(PLACEMENT, RELEASE, new ReleaseArgs(consumerUuid), Void.class, timeout);
    }

    @Override
    public boolean move(String from, String to, String consumerType, boolean replaceTarget) {
        return bus.call(PLACEMENT, MOVE, new MoveArgs(from, to, consumerType, replaceTarget), MoveReply.class,
                timeout).moved();
    }
}
