package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;

/**
 * Parsers for the values of Placement's query parameters ({@code resources}, {@code required},
 * {@code member_of}, {@code in_tree}), shared by {@code GET /allocation_candidates} and
 * {@code GET /resource_providers}, with upstream's 400 messages word for word.
 */
final class QueryValues {
    private QueryValues() {
    }

    /** Required and forbidden traits of one or more {@code required} values. */
    record Traits(List<Set<String>> required, Set<String> forbidden) {
    }

    /** Required (each an any-of) and forbidden aggregates of the {@code member_of} values. */
    record Aggregates(List<Set<String>> required, Set<String> forbidden) {
    }

    private static final String RESOURCES_FORM = "Badly formed resources parameter. Expected resources query "
            + "string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: ";

    /** {@code VCPU:2,MEMORY_MB:1024} → ordered class → amount; a later duplicate class wins. */
    static Map<String, Long> resources(String value) {
        if (value.strip().isEmpty()) {
            throw ApiException.badRequest(RESOURCES_FORM + "empty string.");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String item : value.split(",", -1)) {
            String[] parts = item.split(":", -1);
            if (parts.length != 2) {
                throw ApiException.badRequest(RESOURCES_FORM + item + ".");
            }
            String rc = parts[0];
            long amount;
            try {
                amount = Long.parseLong(parts[1].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Requested resource " + rc + " expected positive integer amount. Got: "
                        + parts[1] + ".");
            }
            if (amount < 1) {
                throw ApiException.badRequest("Requested resource " + rc + " requires amount >= 1. Got: " + amount
                        + ".");
            }
            out.put(rc, amount);
        }
        return out;
    }

    /**
     * The values of one {@code required[SUFFIX]} key. Before 1.39 only the last value counts
     * (a repeated key overwrote), from 1.39 every value adds its traits.
     */
    static Traits traits(List<String> values, boolean allowForbidden, boolean allowAny) {
        List<String> used = allowAny ? values : values.subList(values.size() - 1, values.size());
        List<Set<String>> required = new ArrayList<>();
        Set<String> forbidden = new LinkedHashSet<>();
        for (String v : used) {
            Traits t = traits(v, allowForbidden, allowAny);
            required.addAll(t.required);
            forbidden.addAll(t.forbidden);
        }
        return new Traits(required, forbidden);
    }

    /** One {@code required} value: {@code T1,!T2} or (1.39) {@code in:T1,T2}. */
    static Traits traits(String value, boolean allowForbidden, boolean allowAny) {
        if (value.startsWith("in:")) {
            if (!allowAny) {
                throw ApiException.badRequest("Invalid query string parameters: The format "
                        + "'in:HW_CPU_X86_VMX,CUSTOM_MAGIC' only supported since microversion 1.39. Got: " + value);
            }
            Set<String> any = new LinkedHashSet<>();
            for (String t : value.substring(3).split(",", -1)) {
                any.add(t.strip());
            }
            if (any.contains("")) {
                throw ApiException.badRequest("Invalid query string parameters: Expected 'required' parameter value "
                        + "of the form: in:HW_CPU_X86_VMX,CUSTOM_MAGIC. Got an empty trait in: " + value);
            }
            for (String t : any) {
                if (t.startsWith("!")) {
                    throw ApiException.badRequest("Invalid query string parameters: The format "
                            + "'in:HW_CPU_X86_VMX,CUSTOM_MAGIC' does not support forbidden traits. Got: " + value);
                }
            }
            return new Traits(List.of(any), Set.of());
        }
        List<Set<String>> required = new ArrayList<>();
        Set<String> forbidden = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean empty = false;
        for (String raw : value.split(",", -1)) {
            String t = raw.strip();
            if (t.startsWith("!")) {
                // Upstream strips every leading '!': "!!FOO" forbids FOO (kept for compatibility).
                String name = stripBangs(t);
                empty |= name.isEmpty();
                forbidden.add(name);
            } else {
                empty |= t.isEmpty();
                if (seen.add(t)) {
                    required.add(Set.of(t));
                }
            }
        }
        String form = allowForbidden ? "HW_CPU_X86_VMX,!CUSTOM_MAGIC" : "HW_CPU_X86_VMX,CUSTOM_MAGIC";
        if (empty) {
            throw ApiException.badRequest("Invalid query string parameters: Expected 'required' parameter value of "
                    + "the form: " + form + ". Got an empty trait in: " + value);
        }
        if (!forbidden.isEmpty() && !allowForbidden) {
            throw ApiException.badRequest("Invalid query string parameters: Expected 'required' parameter value of "
                    + "the form: HW_CPU_X86_VMX,CUSTOM_MAGIC. Got: " + value);
        }
        return new Traits(required, forbidden);
    }

    private static String stripBangs(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) == '!') {
            i++;
        }
        return t.substring(i);
    }

    /**
     * The values of one {@code member_of[SUFFIX]} key: several only from 1.24, {@code !} forms
     * only from 1.32.
     */
    static Aggregates memberOf(List<String> values, String suffix, boolean allowMany, boolean allowForbidden) {
        if (!allowMany && values.size() > 1) {
            throw ApiException.badRequest("Multiple member_of" + suffix + " parameters are not supported");
        }
        List<Set<String>> required = new ArrayList<>();
        Set<String> forbidden = new LinkedHashSet<>();
        for (String value : values) {
            if (value.contains(",") && !(value.startsWith("in:") || value.startsWith("!in:"))) {
                throw ApiException.badRequest("Multiple values for 'member_of' must be prefixed with the 'in:' or "
                        + "'!in:' keyword using the valid microversion. Got: " + value);
            }
            Set<String> req = new LinkedHashSet<>();
            Set<String> bad = new LinkedHashSet<>();
            if (value.startsWith("!in:")) {
                bad.addAll(List.of(value.substring(4).split(",", -1)));
            } else if (value.startsWith("!")) {
                bad.add(value.substring(1));
            } else if (value.startsWith("in:")) {
                req.addAll(List.of(value.substring(3).split(",", -1)));
            } else {
                req.add(value);
            }
            for (String agg : concat(req, bad)) {
                if (!isUuidLike(agg)) {
                    throw ApiException.badRequest("Invalid query string parameters: Expected 'member_of' parameter to "
                            + "contain valid UUID(s). Got: " + agg);
                }
            }
            if (!req.isEmpty()) {
                required.add(req);
            }
            if (!bad.isEmpty()) {
                if (!allowForbidden) {
                    throw ApiException.badRequest("Forbidden member_of" + suffix
                            + " parameters are not supported in the specified microversion");
                }
                forbidden.addAll(bad);
            }
        }
        return new Aggregates(required, forbidden);
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** An {@code in_tree} value: a provider uuid. */
    static String inTree(String value) {
        String v = value.strip();
        if (!isUuidLike(v)) {
            throw ApiException.badRequest("Invalid query string parameters: Expected 'in_tree' parameter to be a "
                    + "format of uuid. Got: " + value);
        }
        return v;
    }

    /**
     * Whether {@code s} reads as a UUID as oslo's {@code is_uuid_like} does: 32 hex digits,
     * dashes anywhere, optionally in braces or after {@code urn:uuid:}.
     */
    static boolean isUuidLike(String s) {
        String v = s;
        if (v.startsWith("urn:uuid:")) {
            v = v.substring(9);
        }
        if (v.startsWith("{") && v.endsWith("}")) {
            v = v.substring(1, v.length() - 1);
        }
        int hex = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '-') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                return false;
            }
            hex++;
        }
        return hex == 32 && v.length() <= 36;
    }

    /** A Python-style repr of a string, as upstream's messages quote values. */
    static String repr(String s) {
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A Python-style repr of a list of strings: {@code ['a', 'b']}. */
    static String repr(List<String> items) {
        List<String> quoted = new ArrayList<>(items.size());
        for (String i : items) {
            quoted.add(repr(i));
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
