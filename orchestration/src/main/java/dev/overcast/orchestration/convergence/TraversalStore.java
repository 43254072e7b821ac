package dev.overcast.orchestration.convergence;

import java.util.Optional;

/**
 * Where a stack's current traversal id lives. {@link JdbiTraversalStore} keeps it in the
 * convergence engine's own {@code conv_stack_traversals} table; the stack store may implement
 * this interface on its stack row ({@code current_traversal}) instead, as Heat does.
 *
 * <p>Every change is a compare-and-set, so of two engines racing to start a traversal (or to end
 * one) exactly one wins.
 */
public interface TraversalStore {

    /** @return the stack's current traversal id; empty when the stack is unknown */
    Optional<String> current(String stackId);

    /**
     * Starts {@code next} as the stack's traversal if its current one is still {@code expected}
     * ({@link Traversals#NONE} for none; a stack never seen before counts as none). The
     * superseded traversal's work items are dropped by whoever picks them up.
     *
     * @return whether {@code next} is now current (false: somebody else changed it first)
     */
    boolean begin(String stackId, String expected, String next);

    /**
     * Ends {@code traversal} (complete or failed): the stack's current traversal becomes
     * {@link Traversals#NONE} if it still is {@code traversal}.
     *
     * @return whether this call ended it (false: it was already ended or superseded)
     */
    boolean end(String stackId, String traversal);

    /** Forgets the stack (when it is purged). */
    void forget(String stackId);
}
