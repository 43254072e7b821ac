package dev.overcast.orchestration.convergence;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * of entity {@code "stack:" + stackId}, step UPDATE. The stack's sync point collects every final
 * node, which in a fan-out is nearly every node; one row lock and one growing row for all of them
 * would serialize the whole traversal's end. So each final node's report is a row of its own in
 * {@code conv_stack_done} (its key drops a repeated report), the reporter counts the rows after
 * inserting its own (so the last of several racing reporters sees them all), and the one that
 * sees them all flips the stack's row from open to done: that compare-and-set lets exactly one
 * caller complete the stack. A report that leaves the stack waiting does not name the missing
 * nodes (it would read them all).
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

    private static final String STACK_DONE = "{\"done\":true}";

    @Override
    public Satisfaction satisfy(String stackId, String traversalId, SyncTarget target, Set<NodeKey> predecessors,
                                NodeInput input) {
        if (target instanceof SyncTarget.Stack) {
            return satisfyStack(stackId, traversalId, predecessors, input);
        }
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

    private Satisfaction satisfyStack(String stackId, String traversalId, Set<NodeKey> predecessors,
                                      NodeInput input) {
        if (!predecessors.contains(input.from())) {
            throw new IllegalArgumentException(input.from() + " is not a predecessor of this sync point "
                    + predecessors);
        }
        String entity = entity(SyncTarget.stack(), stackId);
        return jdbi.withHandle(h -> {
            try {
                h.createUpdate("""
                                insert into conv_stack_done (stack_id, traversal_id, entity_id, is_update)
                                values (:stack, :traversal, :entity, :update)""")
                        .bind("stack", stackId).bind("traversal", traversalId)
                        .bind("entity", input.from().resource()).bind("update", input.from().update())
                        .execute();
            } catch (RuntimeException e) {
                if (Sql.isUniqueViolation(e)) {
                    return new Satisfaction.Duplicate();
                }
                throw e;
            }
            int[] counts = h.createQuery("""
                            select (select count(*) from conv_sync_points where stack_id = :stack
                                    and traversal_id = :traversal and entity_id = :entity and is_update = true),
                                   (select count(*) from conv_stack_done where stack_id = :stack
                                    and traversal_id = :traversal)""")
                    .bind("stack", stackId).bind("traversal", traversalId).bind("entity", entity)
                    .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)}).one();
            if (counts[0] == 0) {
                // The traversal ended or was superseded: take the report back.
                h.createUpdate("""
                                delete from conv_stack_done where stack_id = :stack and traversal_id = :traversal
                                and entity_id = :entity and is_update = :update""")
                        .bind("stack", stackId).bind("traversal", traversalId)
                        .bind("entity", input.from().resource()).bind("update", input.from().update()).execute();
                return new Satisfaction.Gone();
            }
            if (counts[1] < predecessors.size()) {
                return new Satisfaction.Waiting(Set.of());
            }
            int flipped = h.createUpdate("""
                            update conv_sync_points set input_data = :done, updated_at = :now
                            where stack_id = :stack and traversal_id = :traversal and entity_id = :entity
                            and is_update = true and input_data <> :done""")
                    .bind("done", STACK_DONE).bind("now", clock.millis()).bind("stack", stackId)
                    .bind("traversal", traversalId).bind("entity", entity).execute();
            return flipped == 1 ? new Satisfaction.Completed(stackInputs(h, stackId, traversalId))
                    : new Satisfaction.Duplicate();
        });
    }

    private static List<NodeInput> stackInputs(Handle h, String stackId, String traversalId) {
        return h.createQuery("""
                        select entity_id, is_update from conv_stack_done where stack_id = :stack
                        and traversal_id = :traversal order by entity_id, is_update""")
                .bind("stack", stackId).bind("traversal", traversalId)
                .map((rs, ctx) -> new NodeInput(new NodeKey(rs.getString(1), rs.getBoolean(2)), null))
                .list();
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
        if (target instanceof SyncTarget.Stack) {
            return jdbi.withHandle(h -> h.createQuery("""
                            select count(*) from conv_sync_points where stack_id = :stack and traversal_id = :traversal
                            and entity_id = :entity and is_update = true""")
                    .bind("stack", stackId).bind("traversal", traversalId).bind("entity", entity(target, stackId))
                    .mapTo(Integer.class).one() == 0 ? Optional.empty()
                    : Optional.of(stackInputs(h, stackId, traversalId)));
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select input_data from conv_sync_points
                        where stack_id = :stack and traversal_id = :traversal and entity_id = :entity and is_update = :update""")
                .bind("stack", stackId).bind("entity", entity(target, stackId)).bind("traversal", traversalId)
                .bind("update", isUpdate(target))
                .mapTo(String.class)
                .findOne()
                .map(JdbiSyncPointStore::read));
    }

    /**
     * Every node sync point of a traversal with what it holds (the stack's is
     * {@link #inputs(String, String, SyncTarget)}'s): what a recovering engine reads to find the
     * nodes that were ready but never finished.
     */
    public Map<NodeKey, List<NodeInput>> allNodeInputs(String stackId, String traversalId) {
        String stackEntity = entity(SyncTarget.stack(), stackId);
        Map<NodeKey, List<NodeInput>> all = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select entity_id, is_update, input_data from conv_sync_points
                        where stack_id = :stack and traversal_id = :traversal""")
                .bind("stack", stackId).bind("traversal", traversalId)
                .map((rs, ctx) -> {
                    if (!(rs.getString(1).equals(stackEntity) && rs.getBoolean(2))) {
                        all.put(new NodeKey(rs.getString(1), rs.getBoolean(2)), read(rs.getString(3)));
                    }
                    return 0;
                })
                .list());
        return all;
    }

    @Override
    public int deleteTraversal(String stackId, String traversalId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("delete from conv_stack_done where stack_id = :stack and traversal_id = :traversal")
                    .bind("stack", stackId).bind("traversal", traversalId).execute();
            return h.createUpdate("delete from conv_sync_points where stack_id = :stack and traversal_id = :traversal")
                    .bind("stack", stackId).bind("traversal", traversalId)
                    .execute();
        });
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
