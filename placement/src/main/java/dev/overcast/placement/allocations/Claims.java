package dev.overcast.placement.allocations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.model.ProviderIndex;

/**
 * Claims and releases resources in-process, without HTTP: what the scheduler calls after it
 * picked providers from the index. The HTTP routes write through the same code
 * ({@link #write}), so a claim made here is checked exactly as {@code PUT /allocations} is.
 */
public final class Claims {
    private final PlacementContext ctx;
    private final GroupCommit batches;

    public Claims(PlacementContext ctx) {
        this.ctx = ctx;
        this.batches = new GroupCommit(ctx);
    }

    /**
     * Replaces {@code consumer}'s allocations with {@code allocations}, whatever it held
     * before (as {@code PUT /allocations} did before consumer generations).
     *
     * @param consumerType the consumer type, e.g. {@code INSTANCE}, or null to leave it as it is
     * @param allocations  provider uuid → resource class → amount (each at least 1); empty
     *                     releases everything
     * @return true when written; false when refused — a provider or resource class that does
     *         not exist (any more), no inventory, units or capacity exceeded, or another writer
     *         creating the same consumer at the same time. Nothing is written then.
     * @throws IllegalArgumentException for a malformed consumer uuid or an amount below 1
     */
    public boolean claim(String consumer, String projectId, String userId, String consumerType,
                         Map<String, Map<String, Long>> allocations) {
        String uuid = canonical(consumer);
        allocations.values().forEach(resources -> resources.forEach((rc, amount) -> {
            if (amount == null || amount < 1) {
                throw new IllegalArgumentException("amounts must be at least 1: " + rc + "=" + amount);
            }
        }));
        // Claims racing one another are committed together (see GroupCommit), each still all or nothing.
        return batches.claim(new ConsumerWrite(uuid, projectId, userId, consumerType, ExpectedGeneration.UNCHECKED,
                allocations));
    }

    /** Removes every allocation of {@code consumer}; nothing happens when it holds none. */
    public void release(String consumer) {
        write(List.of(ConsumerWrite.release(canonical(consumer))), false);
    }

    /**
     * Moves {@code from}'s allocations to {@code to} in one write, as Nova does with {@code POST /allocations}
     * when a server's source host is held for its migration (and given back on a revert).
     *
     * @param consumerType   {@code to}'s consumer type, e.g. {@code MIGRATION}
     * @param replaceTarget  whether what {@code to} holds is replaced; if not, a {@code to} that holds
     *                       anything is left as it is and nothing moves
     * @return whether anything moved: false when {@code from} holds nothing (it has moved already)
     *         or {@code to} holds something it may not replace
     */
    public boolean move(String from, String to, String consumerType, boolean replaceTarget) {
        String source = canonical(from);
        String target = canonical(to);
        List<AllocationReads.ConsumerAllocation> held = ctx.jdbi().withHandle(h -> AllocationReads.ofConsumer(h,
                source));
        if (held.isEmpty() || !replaceTarget && !ctx.jdbi().withHandle(h -> AllocationReads.ofConsumer(h, target))
                .isEmpty()) {
            return false;
        }
        Map<String, Map<String, Long>> allocations = new java.util.LinkedHashMap<>();
        held.forEach(a -> allocations.computeIfAbsent(a.provider(), k -> new java.util.LinkedHashMap<>())
                .put(a.resourceClass(), a.used()));
        AllocationReads.ConsumerAllocation first = held.getFirst();
        write(List.of(new ConsumerWrite(target, first.projectId(), first.userId(), consumerType,
                ExpectedGeneration.UNCHECKED, allocations), ConsumerWrite.release(source)), false);
        return true;
    }

    /**
     * Writes {@code writes} in one transaction and refreshes the index for every provider
     * touched once it commits.
     *
     * @param providersFirst refuse an unknown provider before checking consumer generations,
     *                       as upstream's PUT does (its POST checks generations first)
     * @return the allocations the consumers held before
     * @throws ClaimRefused when anything refuses; nothing is written
     */
    List<ClaimRows.AllocationRow> write(List<ConsumerWrite> writes, boolean providersFirst) {
        return write(ctx, writes, providersFirst);
    }

    /** {@link #write(List, boolean)} in {@code ctx}'s database and index. */
    static List<ClaimRows.AllocationRow> write(PlacementContext ctx, List<ConsumerWrite> writes,
                                               boolean providersFirst) {
        record Written(List<ClaimRows.AllocationRow> previous, List<ProviderIndex.UsageChange> changes) {
        }
        Written written = Transactions.write(ctx.jdbi(), h -> {
            if (providersFirst) {
                ClaimTransaction.requireProviders(h, writes);
            }
            ClaimTransaction tx = ClaimTransaction.lock(h, ctx.clock().instant(), writes, List.of())
                    .readingCapacityFrom(ctx.index());
            tx.apply();
            tx.finish();
            return new Written(tx.previous(), tx.usageChanges());
        });
        // Allocations change only usages and generations, which the transaction knows: the index
        // takes them without reading the providers again (it re-reads any it cannot).
        ctx.index().applyUsage(written.changes());
        return written.previous();
    }

    void refresh(Collection<String> providers) {
        ctx.index().refresh(providers);
    }

    private static String canonical(String consumer) {
        try {
            return AllocationBodies.consumerUuid(consumer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a consumer uuid: " + consumer);
        }
    }
}
