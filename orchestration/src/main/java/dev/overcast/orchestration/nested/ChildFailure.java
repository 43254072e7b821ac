package dev.overcast.orchestration.nested;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.overcast.orchestration.resources.ResourceFailure;

/**
 * A failed child's status reason as its parent resource's failure, as Heat's
 * {@code ResourceFailure} reads a nested stack's reason: {@code Resource CREATE failed:
 * ValueError: resources.r: boom} becomes a {@code ValueError} at path {@code resources.r}
 * (the engine puts the parent resource's path before it); any other reason is an
 * {@code Error} with the reason as its message.
 */
final class ChildFailure {
    private static final Pattern RESOURCE_FAILED =
            Pattern.compile("Resource [A-Z_]+ failed: ([A-Za-z0-9_.]+): (resources\\.[^:]*): (.*)", Pattern.DOTALL);

    private ChildFailure() {
    }

    static ResourceFailure of(String childReason) {
        String reason = childReason == null ? "" : childReason;
        Matcher m = RESOURCE_FAILED.matcher(reason);
        if (m.matches()) {
            return new ResourceFailure(m.group(1), m.group(2), m.group(3));
        }
        return new ResourceFailure("Error", reason);
    }
}
