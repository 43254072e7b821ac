package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.version.ApiVersion;

/**
 * The query-string schemas upstream validates {@code GET /allocation_candidates} and
 * {@code GET /resource_providers} against, one per microversion range, with jsonschema's
 * wording in the 400 ("Invalid query string parameters: 'limit' was unexpected" ...). Like
 * upstream, a repeated key is validated by its last value.
 *
 * @param properties allowed keys and what their value must be
 * @param patterns   allowed key patterns (Python regex text, as quoted in messages)
 * @param required   keys that must be present
 */
record QuerySchema(Map<String, Rule> properties, List<String> patterns, List<String> required) {

    /** What a property's value must be. */
    enum Rule { STRING, LIMIT, GROUP_POLICY, UUID }

    private static final String GROUP_PAT = "[1-9][0-9]*";
    private static final String GROUP_PAT_1_33 = "[a-zA-Z0-9_-]{1,64}";
    private static final Pattern LIMIT = Pattern.compile("^[1-9][0-9]*$");

    /** The schema of {@code GET /allocation_candidates} at {@code v} (1.10 or later). */
    static QuerySchema allocationCandidates(ApiVersion v) {
        Map<String, Rule> props = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        List<String> required = new ArrayList<>();
        if (!atLeast(v, 25)) {
            props.put("resources", Rule.STRING);
            required.add("resources");
            if (atLeast(v, 16)) {
                props.put("limit", Rule.LIMIT);
            }
            if (atLeast(v, 17)) {
                props.put("required", Rule.STRING);
            }
            if (atLeast(v, 21)) {
                props.put("member_of", Rule.STRING);
            }
            return new QuerySchema(props, patterns, required);
        }
        props.put("limit", Rule.LIMIT);
        props.put("group_policy", Rule.GROUP_POLICY);
        String suffix = atLeast(v, 33) ? GROUP_PAT_1_33 : GROUP_PAT;
        List<String> prefixes = new ArrayList<>(List.of("resources", "required", "member_of"));
        if (atLeast(v, 31)) {
            prefixes.add("in_tree");
        }
        for (String prefix : prefixes) {
            patterns.add("^" + prefix + "(" + suffix + ")?$");
        }
        if (atLeast(v, 35)) {
            props.put("root_required", Rule.STRING);
        }
        if (atLeast(v, 36)) {
            props.put("same_subtree", Rule.STRING);
        }
        return new QuerySchema(props, patterns, required);
    }

    /** The schema of {@code GET /resource_providers} at {@code v}. */
    static QuerySchema resourceProviders(ApiVersion v) {
        Map<String, Rule> props = new LinkedHashMap<>();
        props.put("name", Rule.STRING);
        props.put("uuid", Rule.UUID);
        if (atLeast(v, 3)) {
            props.put("member_of", Rule.STRING);
        }
        if (atLeast(v, 4)) {
            props.put("resources", Rule.STRING);
        }
        if (atLeast(v, 14)) {
            props.put("in_tree", Rule.UUID);
        }
        if (atLeast(v, 18)) {
            props.put("required", Rule.STRING);
        }
        return new QuerySchema(props, List.of(), List.of());
    }

    private static boolean atLeast(ApiVersion v, int minor) {
        return v.isAtLeast(new ApiVersion(1, minor));
    }

    /** Throws the 400 upstream gives for the first (most relevant) violation, if any. */
    void validate(Map<String, List<String>> query) {
        for (String key : required) {
            if (!query.containsKey(key)) {
                throw invalid(QueryValues.repr(key) + " is a required property", "required", "");
            }
        }
        TreeSet<String> extras = new TreeSet<>();
        for (String key : query.keySet()) {
            if (!properties.containsKey(key) && !matchesPattern(key)) {
                extras.add(key);
            }
        }
        if (!extras.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            for (String e : extras) {
                quoted.add(QueryValues.repr(e));
            }
            String joined = String.join(", ", quoted);
            if (patterns.isEmpty()) {
                throw invalid("Additional properties are not allowed (" + joined
                        + (extras.size() == 1 ? " was" : " were") + " unexpected)", "additionalProperties", "");
            }
            List<String> pats = new ArrayList<>();
            for (String p : new TreeSet<>(patterns)) {
                pats.add(QueryValues.repr(p));
            }
            throw invalid(joined + (extras.size() == 1 ? " does" : " do") + " not match any of the regexes: "
                    + String.join(", ", pats), "additionalProperties", "");
        }
        for (Map.Entry<String, Rule> p : properties.entrySet()) {
            List<String> values = query.get(p.getKey());
            if (values == null || values.isEmpty()) {
                continue;
            }
            String value = values.getLast();
            String where = "['properties'][" + QueryValues.repr(p.getKey()) + "]";
            switch (p.getValue()) {
                case STRING -> {
                }
                case LIMIT -> {
                    if (!LIMIT.matcher(value).matches()) {
                        throw invalid(QueryValues.repr(value) + " does not match '^[1-9][0-9]*$'", "pattern", where);
                    }
                }
                case GROUP_POLICY -> {
                    if (!value.equals("none") && !value.equals("isolate")) {
                        throw invalid(QueryValues.repr(value) + " is not one of ['none', 'isolate']", "enum", where);
                    }
                }
                case UUID -> {
                    if (!QueryValues.isUuidLike(value)) {
                        throw invalid(QueryValues.repr(value) + " is not a 'uuid'", "format", where);
                    }
                }
            }
        }
    }

    /** Compiled key patterns; a handful, shared by every request. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private boolean matchesPattern(String key) {
        for (String p : patterns) {
            if (COMPILED.computeIfAbsent(p, Pattern::compile).matcher(key).matches()) {
                return true;
            }
        }
        return false;
    }

    private static ApiException invalid(String message, String validator, String where) {
        return ApiException.badRequest("Invalid query string parameters: " + message + "\n\nFailed validating "
                + QueryValues.repr(validator) + " in schema" + where);
    }
}
