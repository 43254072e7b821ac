package dev.overcast.core.policy;

import java.util.Map;
import java.util.Optional;

/**
 * Reads values out of a policy target. Keystone flattens its targets into dotted keys
 * ({@code "target.project.domain_id"}); other callers pass nested maps. A key is looked up
 * flat first, then by walking nested maps at each dot, so both shapes (and mixtures) work.
 */
final class Target {
    private Target() {
    }

    /** The value under {@code key}, rendered as Python's {@code str()} would, or empty when absent. */
    static Optional<String> find(Map<?, ?> target, String key) {
        if (target.containsKey(key)) {
            return Optional.of(pythonStr(target.get(key)));
        }
        for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
            if (target.get(key.substring(0, dot)) instanceof Map<?, ?> nested) {
                Optional<String> found = find(nested, key.substring(dot + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Strings as Python would print them, so rules written for oslo.policy compare the same:
     * booleans are {@code True}/{@code False}, and a present-but-null value is {@code None}.
     */
    static String pythonStr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            default -> value.toString();
        };
    }
}
