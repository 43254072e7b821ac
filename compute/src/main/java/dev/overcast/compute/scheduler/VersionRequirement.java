package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * A version predicate such as {@code ">= 6.0, < 7.0"}, over Nova's integer hypervisor versions
 * (major * 1,000,000 + minor * 1,000 + micro). A clause without an operator means equality.
 */
final class VersionRequirement {
    private record Clause(String op, long version) {
    }

    private final List<Clause> clauses;

    private VersionRequirement(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /**
     * Parses a predicate; null or blank means no requirement (returns null). A predicate that does not parse
     * is satisfied by no version: a bad image property keeps the image off every host instead of failing the
     * scheduler.
     */
    static VersionRequirement parse(String predicate) {
        if (predicate == null || predicate.isBlank()) {
            return null;
        }
        try {
            return parseClauses(predicate);
        } catch (NumberFormatException e) {
            return new VersionRequirement(List.of(new Clause("<", Long.MIN_VALUE)));
        }
    }

    private static VersionRequirement parseClauses(String predicate) {
        List<Clause> clauses = new ArrayList<>();
        for (String raw : predicate.split(",")) {
            String c = raw.strip();
            int i = 0;
            while (i < c.length() && "<>=!".indexOf(c.charAt(i)) >= 0) {
                i++;
            }
            String op = i == 0 ? "==" : c.substring(0, i);
            clauses.add(new Clause(op, encode(c.substring(i).strip())));
        }
        return new VersionRequirement(List.copyOf(clauses));
    }

    /** Nova's {@code convert_version_to_int}: {@code "6.1.2"} is 6,001,002. */
    static long encode(String version) {
        String[] parts = version.split("\\.");
        long result = 0;
        for (int i = 0; i < 3; i++) {
            result = result * 1000 + (i < parts.length ? Long.parseLong(parts[i].strip()) : 0);
        }
        return result;
    }

    boolean satisfiedBy(long version) {
        for (Clause c : clauses) {
            boolean ok = switch (c.op()) {
                case "<" -> version < c.version();
                case "<=" -> version <= c.version();
                case ">" -> version > c.version();
                case ">=" -> version >= c.version();
                case "!=" -> version != c.version();
                case "==", "=" -> version == c.version();
                default -> throw new IllegalArgumentException("unknown version operator " + c.op());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
