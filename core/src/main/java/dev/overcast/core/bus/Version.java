package dev.overcast.core.bus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A message version, {@code major.minor}, written {@code "1.3"} on the wire.
 *
 * <p>Compatibility follows oslo.messaging: a minor bump adds something an older reader may
 * not know (so a listener at {@code 1.3} refuses {@code 1.4}); a major bump breaks the shape
 * (so a listener at {@code 1.3} refuses {@code 2.0}, and also {@code 0.9}).
 */
public record Version(int major, int minor) implements Comparable<Version> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

    public Version {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("a version has no negative parts: " + major + "." + minor);
        }
    }

    /** Reads {@code "1.3"}; anything else is an {@link IllegalArgumentException} naming the text. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Version parse(String text) {
        var matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a version reads major.minor, like \"1.3\", not \"" + text + "\"");
        }
        return new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Whether a listener that handles up to this version can read a message of {@code version}:
     * same major, and a minor no higher than this one.
     */
    public boolean canRead(Version version) {
        return version.major == major && version.minor <= minor;
    }

    /** Whether this version is strictly higher than {@code other}. */
    public boolean isAbove(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Version other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
