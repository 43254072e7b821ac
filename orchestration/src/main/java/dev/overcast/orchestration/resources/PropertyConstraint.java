package dev.overcast.orchestration.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.overcast.orchestration.template.functions.Py;

/** A constraint on a property's value, worded as Heat words a violation. */
public sealed interface PropertyConstraint {

    /** @return the violation's message, or null when {@code value} is fine */
    String violation(Object value);

    /** @return the constraint as Heat's resource schema shows it */
    Map<String, Object> schema();

    /** The value must be one of {@code values}. */
    record AllowedValues(List<Object> values) implements PropertyConstraint {
        public AllowedValues {
            values = List.copyOf(values);
        }

        @Override
        public String violation(Object value) {
            return values.stream().anyMatch(v -> Py.equal(v, value)) ? null
                    : "\"" + Py.str(value) + "\" is not an allowed value " + Py.repr(values);
        }

        @Override
        public Map<String, Object> schema() {
            return Map.of("allowed_values", values);
        }
    }

    /** A number between {@code min} and {@code max} (either may be null). */
    record Range(Number min, Number max) implements PropertyConstraint {
        @Override
        public String violation(Object value) {
            Number n = Py.toNumber(value);
            boolean low = min != null && Py.compareNumbers(n, min) < 0;
            boolean high = max != null && Py.compareNumbers(n, max) > 0;
            return low || high ? Py.str(value) + " is out of range (min: " + Py.str(min) + ", max: " + Py.str(max) + ")"
                    : null;
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> range = new LinkedHashMap<>();
            if (min != null) {
                range.put("min", min);
            }
            if (max != null) {
                range.put("max", max);
            }
            return Map.of("range", range);
        }
    }

    /** A string or list whose length is between {@code min} and {@code max} (either may be null). */
    record Length(Integer min, Integer max) implements PropertyConstraint {
        @Override
        public String violation(Object value) {
            int length = value instanceof List<?> list ? list.size()
                    : value instanceof Map<?, ?> map ? map.size() : Objects.toString(value).length();
            boolean shortBy = min != null && length < min;
            boolean longBy = max != null && length > max;
            return shortBy || longBy ? "length (" + length + ") is out of range (min: " + Py.str(min) + ", max: "
                    + Py.str(max) + ")" : null;
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> length = new LinkedHashMap<>();
            if (min != null) {
                length.put("min", min);
            }
            if (max != null) {
                length.put("max", max);
            }
            return Map.of("length", length);
        }
    }
}
