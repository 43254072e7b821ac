package dev.overcast.compute.scheduler;

/**
 * Aggregate metadata values are comma-separated lists ({@code "kvm, qemu"}); Nova splits and strips them.
 * These helpers walk the list in place, so the common case of a one-word value makes no new strings.
 */
final class Csv {
    private Csv() {
    }

    /** Whether one element of {@code csv} equals {@code token}. */
    static boolean contains(String csv, String token) {
        int start = 0;
        int n = csv.length();
        while (start <= n) {
            int end = csv.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            int a = start;
            int b = end;
            while (a < b && Character.isWhitespace(csv.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(csv.charAt(b - 1))) {
                b--;
            }
            if (b - a == token.length() && csv.regionMatches(a, token, 0, b - a)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Whether one element of {@code csv} matches {@code matcher}. */
    static boolean anyMatches(String csv, ExtraSpecMatcher matcher) {
        if (csv.indexOf(',') < 0) {
            return matcher.matches(csv.strip());
        }
        for (String element : csv.split(",")) {
            if (matcher.matches(element.strip())) {
                return true;
            }
        }
        return false;
    }
}
