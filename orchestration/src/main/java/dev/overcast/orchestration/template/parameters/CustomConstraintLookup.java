package dev.overcast.orchestration.template.parameters;

/**
 * Checks values against custom constraints such as {@code nova.flavor} or {@code glance.image};
 * the services behind them provide it. A name it does not know is
 * {@link CustomConstraintResult.Unknown}, which fails the value as Heat does
 * ({@code "x" does not validate nova.foo (constraint not found)}).
 */
@FunctionalInterface
public interface CustomConstraintLookup {

    /**
     * @param constraint the constraint name, e.g. {@code nova.flavor}
     * @param value      the parameter value being checked
     * @return the outcome
     */
    CustomConstraintResult check(String constraint, Object value);

    /** A lookup that knows no constraint. */
    CustomConstraintLookup NONE = (constraint, value) -> new CustomConstraintResult.Unknown();
}
