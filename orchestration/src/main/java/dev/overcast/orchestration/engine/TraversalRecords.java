package dev.overcast.orchestration.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.convergence.ConvergenceGraph;
import dev.overcast.orchestration.convergence.NodeKey;
import dev.overcast.orchestration.convergence.Sql;
import dev.overcast.orchestration.convergence.TraversalAction;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * What the convergence engine's workers share about a traversal besides its sync points
 * ({@code conv_traversals}): the definition it converges to, its graph, and the definition a
 * failed update rolls back to; and the physical resources an update replaced, which the
 * resource's CLEANUP step deletes ({@code conv_replaced}).
 */
final class TraversalRecords {

    /** What a stack was given: the template and what binds it. */
    record Definition(String template, Map<String, String> files, Map<String, Object> environment,
                      Map<String, Object> parameters) {
        static Definition of(StackRow stack) {
            return new Definition(stack.template(), stack.files(), stack.environment(), stack.parameters());
        }

        /** {@code stack} given this definition. */
        StackRow applyTo(StackRow s) {
            return new StackRow(s.id(), s.name(), s.projectId(), s.userId(), s.ownerId(), s.action(), s.status(),
                    s.statusReason(), template, files, environment, parameters, s.tags(), s.disableRollback(),
                    s.timeoutMins(), s.engine(), s.lockEngine(), s.lockExpires(), s.createdAt(), s.updatedAt(),
                    s.deletedAt());
        }
    }

    /** One traversal as stored. */
    record Traversal(String stackId, String id, TraversalAction action, Definition definition,
                     ConvergenceGraph graph, Definition previous) {
    }

    /** A graph node with the nodes it requires: the stored form of the graph. */
    record Edges(NodeKey node, List<NodeKey> requires) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    TraversalRecords(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void insert(Traversal t) {
        List<Edges> edges = new ArrayList<>();
        t.graph().nodes().forEach(node -> edges.add(new Edges(node, List.copyOf(t.graph().requires(node)))));
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into conv_traversals (stack_id, traversal_id, action, definition, graph, previous, created_at)
                        values (:stack, :traversal, :action, :definition, :graph, :previous, :now)""")
                .bind("stack", t.stackId()).bind("traversal", t.id()).bind("action", t.action().name())
                .bind("definition", Json.write(t.definition())).bind("graph", Json.write(edges))
                .bind("previous", t.previous() == null ? null : Json.write(t.previous()))
                .bind("now", clock.millis())
                .execute());
    }

    Optional<Traversal> find(String stackId, String traversalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select action, definition, graph, previous from conv_traversals
                        where stack_id = :stack and traversal_id = :traversal""")
                .bind("stack", stackId).bind("traversal", traversalId)
                .map((rs, ctx) -> {
                    Map<NodeKey, Set<NodeKey>> requires = new LinkedHashMap<>();
                    for (Edges e : Json.read(rs.getString("graph"), Edges[].class)) {
                        requires.put(e.node(), Set.copyOf(e.requires()));
                    }
                    String previous = rs.getString("previous");
                    return new Traversal(stackId, traversalId, TraversalAction.valueOf(rs.getString("action")),
                            Json.read(rs.getString("definition"), Definition.class), ConvergenceGraph.of(requires),
                            previous == null ? null : Json.read(previous, Definition.class));
                })
                .findOne());
    }

    /** @return when the traversal started, in epoch milliseconds */
    Optional<Long> startedAt(String stackId, String traversalId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select created_at from conv_traversals where stack_id = :stack and traversal_id = :traversal")
                .bind("stack", stackId).bind("traversal", traversalId).mapTo(Long.class).findOne());
    }

    /** Forgets every traversal of the stack but {@code keep} (null: all of them). */
    void deleteAllBut(String stackId, String keep) {
        jdbi.useHandle(h -> h.createUpdate("delete from conv_traversals where stack_id = :stack and traversal_id <> :keep")
                .bind("stack", stackId).bind("keep", keep == null ? "" : keep).execute());
    }

    /** Remembers an old version of a resource that an update replaced, for its CLEANUP step. */
    void addReplaced(ResourceRow old) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into conv_replaced (stack_id, resource_name, physical_id, old_row)
                            values (:stack, :name, :physical, :row)""")
                    .bind("stack", old.stackId()).bind("name", old.name()).bind("physical", old.physicalId())
                    .bind("row", Json.write(old)).execute());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // recorded by an earlier run of the same step
        }
    }

    List<ResourceRow> replaced(String stackId, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select old_row from conv_replaced where stack_id = :stack and resource_name = :name")
                .bind("stack", stackId).bind("name", name)
                .map((rs, ctx) -> Json.read(rs.getString(1), ResourceRow.class)).list());
    }

    void removeReplaced(ResourceRow old) {
        jdbi.useHandle(h -> h.createUpdate("""
                        delete from conv_replaced where stack_id = :stack and resource_name = :name
                        and physical_id = :physical""")
                .bind("stack", old.stackId()).bind("name", old.name()).bind("physical", old.physicalId()).execute());
    }
}
