package dev.overcast.orchestration.convergence;

/** What a traversal does to the stack: the stack's action while it runs (Heat's stack actions). */
public enum TraversalAction {
    CREATE,
    UPDATE,
    DELETE,
    ROLLBACK,
    RESTORE,
    ADOPT;

    /** Whether a failure of this action rolls back when the stack allows rollback, as Heat decides. */
    public boolean rollsBack() {
        return this == CREATE || this == UPDATE || this == RESTORE || this == ADOPT;
    }
}
