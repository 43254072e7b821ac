package dev.overcast.placement.allocations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Handle;

import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.model.ProviderIndex;

/**
 * Group commit for in-process claims: claims that arrive while another batch is being written
 * wait, and are then written together, each as its own all-or-nothing write, in one
 * transaction with one commit.
 *
 * <h2>Why</h2>
 * The all-in-one's H2 writes its changed pages to the file at every commit ({@code WRITE_DELAY=0},
 * so that what the API answered survives a killed process). For a scheduler claim that write
 * cost as much as all of the claim's statements together. A batch pays it once. Every claim
 * still answers only after the commit that holds it, so nothing answered can be lost. One
 * writer at a time also spares H2 the contention of concurrent commits: with 8 scheduler
 * threads, claims written one transaction each cost a quarter more CPU per placement.
 * In-process claims of one Placement process are thus written one batch at a time; on
 * PostgreSQL a batch shares one commit (one flush) among its claims in the same way.
 *
 * <h2>How</h2>
 * A claim joins the queue and takes the writer lock. Whoever holds it with its own claim still
 * pending waits {@link #COMMIT_DELAY_NANOS} for others to join, drains the queue (at most
 * {@link #MAX_BATCH}) and writes that batch; the others find their claim done when they get
 * the lock.
 * In the batch's transaction, {@link ClaimTransaction#lockInOrder} first takes every lock the
 * batch needs in the global lock order, so batches cannot deadlock with other writers. A batch
 * whose consumers are all new (the scheduler's claims) is then decided in memory and written
 * with a few statements in all ({@link NewConsumerBatch}). Otherwise each claim runs its usual
 * {@link ClaimTransaction} inside a savepoint: a refused claim rolls back to it and leaves the
 * others untouched. If the transaction fails for any other reason, each claim of the batch is
 * written again on its own, so one bad claim fails only itself.
 */
final class GroupCommit {
    private static final int MAX_BATCH = 64;
    /**
     * How long a batch's writer waits for more claims before it drains the queue, as
     * PostgreSQL's {@code commit_delay}: with 8 scheduler threads, batches grew from under 2
     * claims to about 4, and CPU per placement fell by a tenth, for 0.2 ms more per claim.
     */
    private static final long COMMIT_DELAY_NANOS = 200_000;

    private final PlacementContext ctx;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** A claim waiting for its batch; written and read under {@link #writer}. */
    private static final class Pending {
        final ConsumerWrite write;
        boolean done;
        boolean claimed;
        RuntimeException failure;

        Pending(ConsumerWrite write) {
            this.write = write;
        }
    }

    /** What one batch's transaction did: per write whether it was claimed, and the changes for the index. */
    record Written(boolean[] claimed, List<ProviderIndex.UsageChange> changes) {
    }

    /**
     * Writes {@code write} in the next batch.
     *
     * @return true when written, false when refused (nothing written)
     */
    boolean claim(ConsumerWrite write) {
        Pending mine = new Pending(write);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                LockSupport.parkNanos(COMMIT_DELAY_NANOS);
                List<Pending> batch = new ArrayList<>();
                for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
                    batch.add(p);
                }
                write(batch);
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.claimed;
    }

    private void write(List<Pending> batch) {
        List<ConsumerWrite> writes = batch.stream().map(p -> p.write).toList();
        Written written;
        try {
            written = Transactions.write(ctx.jdbi(), h -> writeEach(h, writes, ctx.clock().instant()));
        } catch (RuntimeException e) {
            // Nothing was committed: each claim again on its own, so that only a bad one fails.
            batch.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).claimed = written.claimed()[i];
            batch.get(i).done = true;
        }
        ctx.index().applyUsage(written.changes());
    }

    private void writeAlone(Pending p) {
        try {
            Claims.write(ctx, List.of(p.write), false);
            p.claimed = true;
        } catch (ClaimRefused refused) {
            p.claimed = false;
        } catch (RuntimeException e) {
            p.failure = e;
        }
        p.done = true;
    }

    private Written writeEach(Handle h, List<ConsumerWrite> writes, Instant now) {
        ClaimTransaction.Locked locked = ClaimTransaction.lockInOrder(h, writes);
        Optional<NewConsumerBatch> newConsumers = NewConsumerBatch.of(locked, writes);
        if (newConsumers.isPresent()) {
            return newConsumers.get().write(h, locked.generations(), ctx.index(), now);
        }
        boolean[] claimed = new boolean[writes.size()];
        List<ProviderIndex.UsageChange> changes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            String savepoint = "claim" + i;
            h.savepoint(savepoint);
            try {
                ClaimTransaction tx = ClaimTransaction.lock(h, now, List.of(writes.get(i)), List.of())
                        .readingCapacityFrom(ctx.index());
                tx.apply();
                tx.finish();
                changes.addAll(tx.usageChanges());
                claimed[i] = true;
            } catch (ClaimRefused refused) {
                h.rollbackToSavepoint(savepoint);
            }
        }
        return new Written(claimed, changes);
    }
}
