package dev.overcast.orchestration.engine;

import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.Template;

/**
 * What the API asks of the engine that owns a stack ({@link StackRow#engine()}): start an
 * action and return once it is recorded (the stack IN_PROGRESS, its first event written).
 * The legacy and the convergence engine implement it.
 */
public interface StackEngine {

    /** Stores a new stack and starts creating it. */
    void create(StackRow stack, Template template);

    /**
     * Starts updating {@code current} to {@code next}'s template, environment and parameters.
     *
     * @throws dev.overcast.orchestration.HeatError 409 ActionInProgress when an action holds the stack
     */
    void update(StackRow current, StackRow next, Template template);

    /**
     * Starts deleting the stack.
     *
     * @throws dev.overcast.orchestration.HeatError 409 ActionInProgress when an action holds the stack
     */
    void delete(StackRow stack);

    /**
     * Starts a stack-wide SUSPEND, RESUME or CHECK. Heat runs these in the engine that takes the
     * request, under the stack's lock, for both engines.
     *
     * @throws dev.overcast.orchestration.HeatError 409 ActionInProgress when an action holds the stack
     */
    void act(StackRow stack, String action);

    /**
     * Cancels the stack's running update: rolls back to what the stack was before it, or (only
     * on the convergence engine, as in Heat) just stops it, leaving UPDATE_FAILED.
     *
     * @throws dev.overcast.orchestration.HeatError 400 when no update is running
     */
    void cancelUpdate(StackRow stack, boolean rollback);

    /**
     * Starts restoring the stack to {@code next}, a snapshot's template, environment and
     * parameters: an update whose stack action is RESTORE (RESTORE_IN_PROGRESS, then
     * RESTORE_COMPLETE, or a rollback as an update's when it fails).
     *
     * @throws dev.overcast.orchestration.HeatError 409 ActionInProgress when an action holds the stack
     */
    void restore(StackRow current, StackRow next, Template template);

    /**
     * Runs {@code action}, a short change of the stack's rows that runs no resource step (a
     * snapshot, an abandon), while holding the stack the way this engine holds it for its own
     * actions, so that none of them starts meanwhile.
     *
     * @throws dev.overcast.orchestration.HeatError 409 ActionInProgress when an action holds the stack
     */
    void exclusive(StackRow stack, Runnable action);
}
