package dev.overcast.compute.groups;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * Query parameters checked as Nova's query schemas check them: before 2.75 unknown parameters
 * are ignored, from 2.75 they are a 400; integer parameters must be non-negative integers.
 */
public final class QueryParams {
    private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]+");

    private QueryParams() {
    }

    /** From 2.75, a 400 naming the first parameter not in {@code known}. */
    public static void rejectUnknown(Request req, Set<String> known) {
        if (!req.versionAtLeast(2, 75)) {
            return;
        }
        for (String name : new TreeSet<>(req.queryParams().keySet())) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("Invalid input for query parameters " + name
                        + ". Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }

    /** The parameter as a non-negative integer (the last of repeated values), or null when absent. */
    public static Integer nonNegative(Request req, String name) {
        Map<String, List<String>> params = req.queryParams();
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (String value : values) {
            if (!NON_NEGATIVE.matcher(value).matches()) {
                throw ApiException.badRequest("Invalid input for query parameters " + name + ". Value: " + value
                        + ". '" + value + "' does not match '^[0-9]*$'");
            }
        }
        String last = values.getLast();
        try {
            return Integer.parseInt(last);
        } catch (NumberFormatException tooBig) {
            return Integer.MAX_VALUE;
        }
    }
}
