package dev.overcast.orchestration.template.parameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import dev.overcast.orchestration.template.functions.Py;

/** Checks a value against one constraint, with Heat's messages. */
final class ConstraintChecker {

    private final CustomConstraintLookup lookup;

    ConstraintChecker(CustomConstraintLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * @return the error message when {@code value} violates {@code constraint} (the constraint's
     *         description when it has one)
     */
    Optional<String> violation(Constraint constraint, Object value, ParameterType type) {
        String error = check(constraint, value, type);
        if (error == null) {
            return Optional.empty();
        }
        String description = constraint.description();
        return Optional.of(description != null && !description.isEmpty() ? description : error);
    }

    /**
     * @return null when valid, a message otherwise
     * @throws IllegalArgumentException when a number constraint meets a value that is no number
     *                                  (Heat's ValueError, which no description replaces)
     */
    private String check(Constraint constraint, Object value, ParameterType type) {
        return switch (constraint) {
            case Constraint.Range r -> {
                Number n = Py.toNumber(value);
                boolean ok = (r.min() == null || Py.compareNumbers(n, r.min()) >= 0)
                        && (r.max() == null || Py.compareNumbers(n, r.max()) <= 0);
                yield ok ? null : Py.str(value) + " is out of range (min: " + Py.str(r.min()) + ", max: "
                        + Py.str(r.max()) + ")";
            }
            case Constraint.Length l -> {
                int length = length(value);
                boolean ok = (l.min() == null || length >= l.min()) && (l.max() == null || length <= l.max());
                yield ok ? null : "length (" + length + ") is out of range (min: " + Py.str(l.min()) + ", max: "
                        + Py.str(l.max()) + ")";
            }
            case Constraint.Modulo m -> {
                Number n = Py.toNumber(value);
                yield pyMod(n, m.step()) == m.offset() ? null : Py.str(value) + " is not a multiple of " + m.step()
                        + " with an offset of " + m.offset();
            }
            case Constraint.AllowedValues a -> allowed(a, value, type) ? null
                    : "\"" + Py.str(value) + "\" is not an allowed value ["
                    + String.join(", ", a.allowed().stream().map(Py::str).toList()) + "]";
            case Constraint.AllowedPattern p -> {
                String text = Py.str(value);
                Matcher matcher = p.compiled().matcher(text);
                yield matcher.lookingAt() && matcher.end() == text.length() ? null
                        : "\"" + text + "\" does not match pattern \"" + p.pattern() + "\"";
            }
            case Constraint.Custom c -> switch (lookup.check(c.name(), value)) {
                case CustomConstraintResult.Valid v -> null;
                case CustomConstraintResult.Invalid i -> i.error();
                case CustomConstraintResult.Unknown u ->
                        "\"" + Py.str(value) + "\" does not validate " + c.name() + " (constraint not found)";
            };
        };
    }

    private static long pyMod(Number n, long step) {
        if (n instanceof Double d) {
            double r = d - step * Math.floor(d / step);
            return r == Math.rint(r) ? (long) r : Long.MIN_VALUE;
        }
        return Math.floorMod(n.longValue(), step);
    }

    private static int length(Object value) {
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof List<?> l) {
            return l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return Py.str(value).length();
    }

    /** Heat compares in the schema's type: "1" is allowed by [1] for a number. */
    private static boolean allowed(Constraint.AllowedValues a, Object value, ParameterType type) {
        if (value instanceof List<?> list) {
            return list.stream().allMatch(v -> Py.in(v, a.allowed()));
        }
        Object converted = toSchemaType(value, type);
        for (Object candidate : a.allowed()) {
            if (Py.equal(converted, toSchemaType(candidate, type))) {
                return true;
            }
        }
        return false;
    }

    private static Object toSchemaType(Object value, ParameterType type) {
        try {
            return switch (type) {
                case STRING -> Py.str(value);
                case NUMBER -> Py.toNumber(value);
                case BOOLEAN -> ParameterValues.bool(value);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
