package dev.overcast.placement.traits;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.overcast.core.http.ApiException;

/**
 * The filter of {@code GET /traits}: {@code name=in:A,B} or {@code name=startswith:PREFIX},
 * and {@code associated=true|false} (whether some provider has the trait).
 *
 * <p>As upstream, a {@code name} whose operator is neither {@code in} nor {@code startswith}
 * filters nothing, and a {@code name} without a colon is a 400.
 *
 * @param namesIn    the names to keep, or null for any
 * @param prefix     the prefix names must start with, or null for any
 * @param associated true: only traits some provider has; false: only traits none has; null: either
 */
record TraitQuery(Set<String> namesIn, String prefix, Boolean associated) {
    private static final Set<String> PARAMETERS = Set.of("name", "associated");

    /** Reads the query of a request; a 400 worded as upstream's for anything it does not accept. */
    static TraitQuery parse(Map<String, List<String>> query) {
        for (String key : query.keySet()) {
            if (!PARAMETERS.contains(key)) {
                throw ApiException.badRequest("Invalid query string parameters: Additional properties are not "
                        + "allowed ('" + key + "' was unexpected)");
            }
        }
        Set<String> in = null;
        String prefix = null;
        Optional<String> name = last(query, "name");
        if (name.isPresent()) {
            int colon = name.get().indexOf(':');
            if (colon < 0) {
                throw ApiException.badRequest("Badly formatted name parameter. Expected name query string parameter "
                        + "in form: ?name=[in|startswith]:[name1,name2|prefix]. Got: \"" + name.get() + "\"");
            }
            String op = name.get().substring(0, colon);
            String value = name.get().substring(colon + 1);
            if (op.equals("in")) {
                in = Set.of(value.split(",", -1));
            } else if (op.equals("startswith")) {
                prefix = value;
            }
        }
        Boolean associated = null;
        Optional<String> assoc = last(query, "associated");
        if (assoc.isPresent()) {
            associated = switch (assoc.get().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw ApiException.badRequest(
                        "The query parameter \"associated\" only accepts \"true\" or \"false\"");
            };
        }
        return new TraitQuery(in, prefix, associated);
    }

    boolean needsAssociations() {
        return associated != null;
    }

    /** True when trait {@code name}, which some provider has or not ({@code inUse}), passes the filter. */
    boolean matches(String name, boolean inUse) {
        return (namesIn == null || namesIn.contains(name))
                && (prefix == null || name.startsWith(prefix))
                && (associated == null || associated == inUse);
    }

    private static Optional<String> last(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }
}
