package dev.overcast.orchestration.template.parameters;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parameter constraint. {@link #heatName()} and {@link #validTypes()} give Heat's
 * "{@code Range constraint invalid for String}" check.
 */
public sealed interface Constraint {

    /** @return the constraint's own description, which replaces the error message when set */
    String description();

    /** @return Heat's class name for the constraint */
    String heatName();

    /** @return the parameter types the constraint applies to */
    Set<ParameterType> validTypes();

    /** {@code length: {min, max}} on strings, lists and maps. */
    record Length(Integer min, Integer max, String description) implements Constraint {
        public String heatName() {
            return "Length";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.STRING, ParameterType.COMMA_DELIMITED_LIST, ParameterType.JSON);
        }
    }

    /** {@code range: {min, max}} on numbers. */
    record Range(Number min, Number max, String description) implements Constraint {
        public String heatName() {
            return "Range";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.NUMBER);
        }
    }

    /** {@code modulo: {step, offset}} on numbers (2017-02-24). */
    record Modulo(long step, long offset, String description) implements Constraint {
        public String heatName() {
            return "Modulo";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.NUMBER);
        }
    }

    /** {@code allowed_values: [...]}. */
    record AllowedValues(List<Object> allowed, String description) implements Constraint {
        public String heatName() {
            return "AllowedValues";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.STRING, ParameterType.NUMBER, ParameterType.BOOLEAN,
                    ParameterType.COMMA_DELIMITED_LIST);
        }
    }

    /** {@code allowed_pattern: regex}, which must match from the start to the end. */
    record AllowedPattern(String pattern, Pattern compiled, String description) implements Constraint {
        public String heatName() {
            return "AllowedPattern";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.STRING);
        }
    }

    /** {@code custom_constraint: name}, checked by a {@link CustomConstraintLookup}. */
    record Custom(String name, String description) implements Constraint {
        public String heatName() {
            return "CustomConstraint";
        }

        public Set<ParameterType> validTypes() {
            return EnumSet.of(ParameterType.STRING, ParameterType.NUMBER, ParameterType.BOOLEAN,
                    ParameterType.COMMA_DELIMITED_LIST);
        }
    }
}
