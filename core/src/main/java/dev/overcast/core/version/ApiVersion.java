package dev.overcast.core.version;

import dev.overcast.core.http.ApiException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API microversion, {@code major.minor}, ordered numerically (2.10 is after 2.9).
 *
 * @param major the major version, at least 1
 * @param minor the minor version, at least 0
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    /** Nova's format: no sign, no leading zeros, minor may be 0. */
    static final Pattern FORMAT = Pattern.compile("([1-9][0-9]*)\\.([1-9][0-9]*|0)");

    public ApiVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("not a microversion: " + major + "." + minor);
        }
    }

    /**
     * Parses {@code "2.53"}.
     *
     * @throws ApiException 400 naming the value when it is not {@code MajorNum.MinorNum}
     */
    public static ApiVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        var match = FORMAT.matcher(text);
        if (match.matches()) {
            try {
                return new ApiVersion(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
            } catch (NumberFormatException tooLarge) {
                // falls through to the same 400 as any other malformed version
            }
        }
        throw ApiException.badRequest("API Version String " + text
                + " is of invalid format. Must be of format MajorNum.MinorNum.");
    }

    /** True when {@code text} has the shape of a version, whatever its size. */
    static boolean isWellFormed(String text) {
        return FORMAT.matcher(text).matches();
    }

    /** The version right after this one in the same major: 2.53 → 2.54. */
    public ApiVersion next() {
        return new ApiVersion(major, minor + 1);
    }

    /** True when this version is {@code other} or later. */
    public boolean isAtLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    /** {@code "2.53"}, the form used in headers and version documents. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
