package dev.overcast.core.version;

import java.util.Objects;

/**
 * An inclusive range of microversions. An open range ({@code max} null) runs to whatever
 * the history's maximum is, so adding a version to the history extends it.
 *
 * @param min the first version in the range
 * @param max the last version in the range, or null for open-ended
 */
public record VersionRange(ApiVersion min, ApiVersion max) {
    public VersionRange {
        Objects.requireNonNull(min, "min");
        if (max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("empty version range " + min + "-" + max);
        }
    }

    /** From {@code min} to the history's maximum. */
    public static VersionRange from(ApiVersion min) {
        return new VersionRange(min, null);
    }

    /** From {@code min} to {@code max}, both included. */
    public static VersionRange between(ApiVersion min, ApiVersion max) {
        return new VersionRange(min, Objects.requireNonNull(max, "max"));
    }

    /** True when the range runs to the history's maximum. */
    public boolean isOpen() {
        return max == null;
    }

    /** True when {@code version} lies in the range. */
    public boolean contains(ApiVersion version) {
        return version.isAtLeast(min) && (max == null || max.isAtLeast(version));
    }

    /** {@code "2.1-2.18"}, or {@code "2.19-"} when open. */
    @Override
    public String toString() {
        return min + "-" + (max == null ? "" : max);
    }
}
