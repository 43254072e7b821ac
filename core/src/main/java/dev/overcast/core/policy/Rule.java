package dev.overcast.core.policy;

import java.util.List;

/**
 * A parsed policy rule: the tree {@link RuleParser} builds once and {@link Evaluation}
 * walks on every check. Nodes are values, so two rules that parse alike are equal.
 */
sealed interface Rule {

    /** {@code @} (and the empty rule) allows everyone, {@code !} no one. */
    record Always(boolean allow) implements Rule {
    }

    /** True when every part is; evaluated left to right, stopping at the first false. */
    record And(List<Rule> parts) implements Rule {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** True when any part is; evaluated left to right, stopping at the first true. */
    record Or(List<Rule> parts) implements Rule {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Rule negated) implements Rule {
    }

    /** {@code rule:NAME}: the named rule; false when there is no such rule. */
    record Ref(String name) implements Rule {
    }

    /** {@code role:NAME}: the caller holds the role, compared ignoring case. */
    record Role(Template role) implements Rule {
    }

    /** {@code ATTRIBUTE:VALUE}: a credential attribute equals the value (or, for a list, holds it). */
    record Attribute(String name, Template value) implements Rule {
    }

    /** {@code 'LITERAL':VALUE}, {@code True:VALUE}: a constant equals the value, typically from the target. */
    record Constant(String literal, Template value) implements Rule {
    }
}
