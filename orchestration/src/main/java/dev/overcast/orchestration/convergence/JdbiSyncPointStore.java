package dev.overcast.orchestration.convergence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import dev.overcast.core.json.Json;

/**
 * {@link SyncPointStore} on the {@code conv_sync_points} table.
 *
 * <p>A recording locks its row ({@code select ... for update}), applies the pure rule of
 * {@link SyncPoints#record} and writes the result back in the same transaction. Recordings of one
 * sync point therefore run one after another, and each sees the set its predecessor left: only
 * one of them can be the one that completes it. Row locks work the same on H2 and PostgreSQL,
 * which a compare-and-set retry loop would not need but a MERGE could not give (H2 lacks
 * {@code ON CONFLICT}).
 *
 * <p>Rows are keyed by stack, traversal, entity and step; the stack's own sync point is the row
 * of entity {@code "stack:" + stackId}, step UPDATE.
 */
public final class JdbiSyncPointStore implements SyncPointStore {
    /** Tries of one recording when the row lock wait times out or the engine reports a deadlock. */
    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final Clock clock;

    /** @param clock stamps the rows' created and updated times */
    public JdbiSyncPointStore(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored form of a sync point's inputs. */
    record Inputs(List<NodeInput> inputs) {
        Inputs {
            inputs = List.copyOf(inputs == null ? List.of() : inputs);
        }
    }

    @Override
    public void create(String stackId, String traversalId, ConvergenceGraph graph) {
        long now = clock.millis();
        String empty = Json.write(new Inputs(List.of()));
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    insert into conv_sync_points
                        (entity_id, traversal_id, is_update, stack_id, input_data, created_at, updated_at)
                    values (:entity, :traversal, :update, :stack, :data, :now, :now)""");
            for (NodeKey node : graph.nodes()) {
                add(batch, SyncTarget.of(node), stackId, traversalId, empty, now);
            }
            add(batch, SyncTarget.stack(), stackId, traversalId, empty, now);
            batch.execute();
        });
    }

    private static void add(PreparedBatch batch, SyncTarget target, String stackId, String traversalId, String data,
                            long now) {
        batch.bind("entity", entity(target, stackId)).bind("update", isUpdate(target))
                .bind("traversal", traversalId).bind("stack", stackId).bind("data", data).bind("now", now)
                .add();
    }

    @Override
    public Satisfaction satisfy(String stackId, String traversalId, SyncTarget target, Set<NodeKey> predecessors,
                                NodeInput input) {
        return Sql.retrying(ATTEMPTS, () -> jdbi.inTransaction(h -> {
            Optional<String> row = h.createQuery("""
                            select input_data from conv_sync_points
                            where stack_id = :stack and traversal_id = :traversal and entity_id = :entity and is_update = :update
                            for update""")
                    .bind("stack", stackId).bind("entity", entity(target, stackId)).bind("traversal", traversalId)
                    .bind("update", isUpdate(target))
                    .mapTo(String.class)
                    .findOne();
            if (row.isEmpty()) {
                return new Satisfaction.Gone();
            }
            SyncPoints.Step step = SyncPoints.record(read(row.get()), input, predecessors);
            if (step.changed()) {
                write(h, stackId, traversalId, target, step.inputs());
            }
            return step.outcome();
        }));
    }

    private void write(Handle h, String stackId, String traversalId, SyncTarget target, List<NodeInput> inputs) {
        h.createUpdate("""
                        update conv_sync_points set input_data = :data, updated_at = :now
                        where stack_id = :stack and traversal_id = :traversal and entity_id = :entity and is_update = :update""")
                .bind("data", Json.write(new Inputs(inputs))).bind("now", clock.millis())
                .bind("stack", stackId).bind("entity", entity(target, stackId)).bind("traversal", traversalId)
                .bind("update", isUpdate(target))
                .execute();
    }

    @Override
    public Optional<List<NodeInput>> inputs(String stackId, String traversalId, SyncTarget target) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select input_data from conv_sync_points
                        where stack_id = :stack and traversal_id = :traversal and entity_id = :entity and is_update = :update""")
                .bind("stack", stackId).bind("entity", entity(target, stackId)).bind("traversal", traversalId)
                .bind("update", isUpdate(target))
                .mapTo(String.class)
                .findOne()
                .map(JdbiSyncPointStore::read));
    }

    @Override
    public int deleteTraversal(String stackId, String traversalId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "delete from conv_sync_points where stack_id = :stack and traversal_id = :traversal")
                .bind("stack", stackId).bind("traversal", traversalId)
                .execute());
    }

    private static List<NodeInput> read(String json) {
        return Json.read(json, Inputs.class).inputs();
    }

    static String entity(SyncTarget target, String stackId) {
        return switch (target) {
            case SyncTarget.Node node -> node.node().resource();
            case SyncTarget.Stack stack -> "stack:" + stackId;
        };
    }

    static boolean isUpdate(SyncTarget target) {
        return switch (target) {
            case SyncTarget.Node node -> node.node().update();
            case SyncTarget.Stack stack -> true;
        };
    }
}
