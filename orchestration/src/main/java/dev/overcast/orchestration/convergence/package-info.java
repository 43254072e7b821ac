/**
 * The convergence engine's core, without the stack API: the traversal graph, the pure decisions,
 * and the shared state that lets any engine worker advance any resource.
 *
 * <h2>Design</h2>
 *
 * <p>A stack operation (create, update, delete, rollback) is a <em>traversal</em> with a fresh id,
 * recorded as the stack's current traversal ({@link dev.overcast.orchestration.convergence.TraversalStore}).
 * Its {@link dev.overcast.orchestration.convergence.ConvergenceGraph} has an UPDATE node per
 * resource of the new template and a CLEANUP node per row the stack had; the edges are Heat's.
 *
 * <p>The traversal advances by work items ({@link dev.overcast.orchestration.convergence.ConvergenceRpc.CheckResource})
 * that any worker may take. A worker drops an item whose traversal is no longer current
 * ({@link dev.overcast.orchestration.convergence.Decider#admit}), takes the resource's lock
 * ({@link dev.overcast.orchestration.convergence.ResourceLocks}; a dead engine's lock is taken over,
 * judged by the {@link dev.overcast.orchestration.convergence.EngineRegistry}'s leases), runs the
 * step, and hands its output to the nodes that wait for it: each gets the input at its
 * <em>sync point</em> ({@link dev.overcast.orchestration.convergence.SyncPointStore}), and only the
 * recording that completes a sync point sends the next item. The stack's own sync point collects
 * the final nodes; completing it completes the stack. Nobody coordinates: the database row locks
 * of the sync points do.
 *
 * <p>What to do is decided by pure code ({@link dev.overcast.orchestration.convergence.Decider},
 * {@link dev.overcast.orchestration.convergence.SyncPoints}) from a snapshot, and applied by the
 * worker (next step), so the rules are tested without a database and the stores are tested
 * without the rules.
 *
 * <p>A new update supersedes a running one by replacing the current traversal id: the old
 * traversal's items are dropped as they come, its sync points removed, and a resource still
 * locked by an old item is re-checked for the new traversal when that item finishes
 * ({@link dev.overcast.orchestration.convergence.Decider#retrigger}).
 */
package dev.overcast.orchestration.convergence;
