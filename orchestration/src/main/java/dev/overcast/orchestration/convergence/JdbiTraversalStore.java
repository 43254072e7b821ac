package dev.overcast.orchestration.convergence;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/** {@link TraversalStore} on the {@code conv_stack_traversals} table; every change a compare-and-set. */
public final class JdbiTraversalStore implements TraversalStore {
    private final Jdbi jdbi;
    private final Clock clock;

    /**
     * @param jdbi  the orchestration schema's
     * @param clock stamps each change
     */
    public JdbiTraversalStore(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> current(String stackId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select current_traversal from conv_stack_traversals where stack_id = :stack")
                .bind("stack", stackId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public boolean begin(String stackId, String expected, String next) {
        Objects.requireNonNull(expected, "expected");
        if (next == null || next.isEmpty()) {
            throw new IllegalArgumentException("a traversal needs an id");
        }
        if (swap(stackId, expected, next)) {
            return true;
        }
        if (!expected.equals(Traversals.NONE)) {
            return false;
        }
        // A stack seen for the first time: the insert is the compare-and-set (one insert wins the key).
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into conv_stack_traversals (stack_id, current_traversal, updated_at)
                            values (:stack, :next, :now)""")
                    .bind("stack", stackId).bind("next", next).bind("now", clock.millis())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean end(String stackId, String traversal) {
        if (traversal == null || traversal.isEmpty()) {
            throw new IllegalArgumentException("end needs the id of the traversal to end");
        }
        return swap(stackId, traversal, Traversals.NONE);
    }

    private boolean swap(String stackId, String expected, String next) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update conv_stack_traversals set current_traversal = :next, updated_at = :now
                        where stack_id = :stack and current_traversal = :expected""")
                .bind("stack", stackId).bind("next", next).bind("expected", expected).bind("now", clock.millis())
                .execute()) == 1;
    }

    @Override
    public void forget(String stackId) {
        jdbi.useHandle(h -> h.createUpdate("delete from conv_stack_traversals where stack_id = :stack")
                .bind("stack", stackId).execute());
    }
}
