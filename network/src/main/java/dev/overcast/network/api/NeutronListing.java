package dev.overcast.network.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Neutron list, applied to the resources a caller may see, rendered as the API shows them.
 *
 * <p>Neutron's rules, which differ from Nova's and Keystone's: any attribute is a filter, and a
 * filter given several times matches any of its values ({@code ?status=ACTIVE&status=DOWN});
 * a filter that names no attribute is a 400 (the {@code filter-validation} extension);
 * {@code tags}, {@code tags-any}, {@code not-tags} and {@code not-tags-any} take comma-separated
 * tags; {@code fields} (repeatable) keeps only the named attributes; {@code sort_key} and
 * {@code sort_dir} come in pairs; {@code limit} and {@code marker} page, with
 * {@code page_reverse=True} paging backwards, and {@code <collection>_links} carries
 * {@code next} and {@code previous} links. Without a sort the order is the caller's, except
 * that a paged list is ordered by id so its markers are stable.
 *
 * <p>Lists are filtered in memory after the caller has read what the project may see: simple,
 * and every attribute filters the same way. Resource types with many rows per project should
 * narrow the read first with the filters they can put in SQL.
 */
public final class NeutronListing {
    private static final Set<String> CONTROL = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");
    private static final Set<String> TAG_FILTERS = Set.of("tags", "tags-any", "not-tags", "not-tags-any");

    private final String collection;
    private final Set<String> attributes;
    private final Map<String, BiPredicate<JsonNode, List<String>>> custom;
    private final int maxLimit;

    private NeutronListing(Builder b) {
        this.collection = b.collection;
        this.attributes = Set.copyOf(b.attributes);
        this.custom = Map.copyOf(b.custom);
        this.maxLimit = b.maxLimit;
    }

    /**
     * @param collection the collection's name in the body and links, e.g. {@code networks}
     * @param attributes every attribute a client may filter and sort by
     * @param maxLimit   the most items one page may hold
     */
    public static Builder builder(String collection, Set<String> attributes, int maxLimit) {
        return new Builder(collection, attributes, maxLimit);
    }

    /** Filters, sorts, pages and projects {@code items} for {@code request}; the body to answer. */
    public ObjectNode render(Request request, List<ObjectNode> items) {
        Map<String, List<String>> params = request.queryParams();
        List<ObjectNode> matching = items.stream().filter(item -> matches(item, params)).toList();
        List<ObjectNode> sorted = sort(matching, params);
        Integer limit = limit(params);
        String marker = last(params, "marker");
        boolean reverse = bool(last(params, "page_reverse"));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray(collection);
        if (limit == null && marker == null) {
            sorted.forEach(item -> list.add(project(item, params)));
            return out;
        }
        List<ObjectNode> page = page(sorted, marker, limit, reverse);
        page.forEach(item -> list.add(project(item, params)));
        links(request, out, sorted, page, limit, marker, reverse);
        return out;
    }

    private boolean matches(ObjectNode item, Map<String, List<String>> params) {
        for (var param : params.entrySet()) {
            String name = param.getKey();
            List<String> values = param.getValue();
            if (CONTROL.contains(name)) {
                continue;
            }
            if (TAG_FILTERS.contains(name)) {
                if (!tagsMatch(item, name, values)) {
                    return false;
                }
            } else if (custom.containsKey(name)) {
                if (!custom.get(name).test(item, values)) {
                    return false;
                }
            } else if (!attributes.contains(name)) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "[" + name + "] is invalid attribute for filtering");
            } else if (values.stream().noneMatch(v -> equal(item.get(name), v))) {
                return false;
            }
        }
        return true;
    }

    /** Neutron converts the filter to the attribute's type: booleans in any case, numbers by value. */
    static boolean equal(JsonNode value, String filter) {
        if (value == null || value.isNull()) {
            return filter.isEmpty() || filter.equalsIgnoreCase("none") || filter.equalsIgnoreCase("null");
        }
        if (value.isBoolean()) {
            return filter.equalsIgnoreCase(String.valueOf(value.asBoolean()))
                    || (filter.equals("1") && value.asBoolean()) || (filter.equals("0") && !value.asBoolean());
        }
        if (value.isNumber()) {
            try {
                return new java.math.BigDecimal(filter.strip()).compareTo(value.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (equal(element, filter)) {
                    return true;
                }
            }
            return false;
        }
        return value.isString() && value.asString().equals(filter);
    }

    private static boolean tagsMatch(ObjectNode item, String filter, List<String> values) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode node = item.get("tags");
        if (node != null) {
            node.forEach(t -> tags.add(t.asString()));
        }
        Set<String> wanted = new LinkedHashSet<>();
        values.forEach(v -> wanted.addAll(Arrays.asList(v.split(","))));
        wanted.remove("");
        return switch (filter) {
            case "tags" -> tags.containsAll(wanted);
            case "tags-any" -> wanted.stream().anyMatch(tags::contains);
            case "not-tags" -> !tags.containsAll(wanted);
            default -> wanted.stream().noneMatch(tags::contains);
        };
    }

    private List<ObjectNode> sort(List<ObjectNode> items, Map<String, List<String>> params) {
        List<String> keys = params.getOrDefault("sort_key", List.of());
        List<String> dirs = params.getOrDefault("sort_dir", List.of());
        if (!dirs.isEmpty() && dirs.size() != keys.size()) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "The number of sort_keys and sort_dirs must be same");
        }
        Comparator<ObjectNode> order = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!attributes.contains(key)) {
                throw NeutronErrors.of(400, "HTTPBadRequest", key + " is invalid attribute for sort_key");
            }
            String dir = dirs.isEmpty() ? "asc" : dirs.get(i);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw NeutronErrors.of(400, "HTTPBadRequest",
                        dir + " is invalid value for sort_dir, valid value is 'asc' and 'desc'");
            }
            Comparator<ObjectNode> one = Comparator.comparing(item -> item.get(key), NeutronListing::compare);
            one = dir.equals("asc") ? one : one.reversed();
            order = order == null ? one : order.thenComparing(one);
        }
        boolean paged = params.containsKey("limit") || params.containsKey("marker");
        if (order == null && !paged) {
            return items;
        }
        Comparator<ObjectNode> byId = Comparator.comparing(item -> item.path("id").asString(""));
        List<ObjectNode> sorted = new ArrayList<>(items);
        sorted.sort(order == null ? byId : order.thenComparing(byId));
        return sorted;
    }

    /** Nulls first, then booleans, numbers and strings by value (the database's order for one type). */
    private static int compare(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(!aNull, !bNull);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        return a.asString("").compareTo(b.asString(""));
    }

    private Integer limit(Map<String, List<String>> params) {
        String text = last(params, "limit");
        if (text == null) {
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Bad limit request: Limit must be an integer 0 or greater and not '" + text + "'.");
        }
        if (limit < 0) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Bad limit request: Limit must be an integer 0 or greater and not '" + text + "'.");
        }
        // Neutron reads limit=0 as "no limit", capped by the page size it allows.
        return limit == 0 ? maxLimit : Math.min(limit, maxLimit);
    }

    private static List<ObjectNode> page(List<ObjectNode> sorted, String marker, Integer limit, boolean reverse) {
        int count = limit == null ? sorted.size() : limit;
        int at = marker == null ? (reverse ? sorted.size() : -1) : indexOf(sorted, marker);
        if (reverse) {
            int from = Math.max(0, at - count);
            return sorted.subList(from, Math.max(from, at));
        }
        int from = at + 1;
        return sorted.subList(Math.min(from, sorted.size()), Math.min(sorted.size(), from + count));
    }

    private static int indexOf(List<ObjectNode> sorted, String marker) {
        for (int i = 0; i < sorted.size(); i++) {
            if (marker.equals(sorted.get(i).path("id").asString(null))) {
                return i;
            }
        }
        throw NeutronErrors.of(404, "HTTPNotFound", "Marker " + marker + " could not be found.");
    }

    private void links(Request request, ObjectNode out, List<ObjectNode> sorted, List<ObjectNode> page, Integer limit,
            String marker, boolean reverse) {
        ArrayNode links = Json.array();
        if (!page.isEmpty() && limit != null) {
            int first = sorted.indexOf(page.getFirst());
            int last = sorted.indexOf(page.getLast());
            boolean more = reverse ? first > 0 : last < sorted.size() - 1;
            if (more) {
                String next = (reverse ? page.getFirst() : page.getLast()).path("id").asString();
                links.addObject().put("href", url(request, next, reverse)).put("rel", reverse ? "previous" : "next");
            }
            if (marker != null) {
                String previous = (reverse ? page.getLast() : page.getFirst()).path("id").asString();
                links.addObject().put("href", url(request, previous, !reverse)).put("rel", reverse ? "next" : "previous");
            }
        }
        if (!links.isEmpty()) {
            out.set(collection + "_links", links);
        }
    }

    private static String url(Request request, String marker, boolean reverse) {
        Map<String, List<String>> params = new TreeMap<>(request.queryParams());
        params.put("marker", List.of(marker));
        params.remove("page_reverse");
        if (reverse) {
            params.put("page_reverse", List.of("True"));
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
        return request.serviceUrl() + request.path() + "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Only the attributes named by {@code fields}, when any are. */
    private static ObjectNode project(ObjectNode item, Map<String, List<String>> params) {
        return Fields.project(item, params.get("fields"));
    }

    private static String last(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    private static boolean bool(String text) {
        return text != null && (text.equalsIgnoreCase("true") || text.equals("1"));
    }

    /** Declares a listing. */
    public static final class Builder {
        private final String collection;
        private final Set<String> attributes;
        private final Map<String, BiPredicate<JsonNode, List<String>>> custom = new HashMap<>();
        private final int maxLimit;

        private Builder(String collection, Set<String> attributes, int maxLimit) {
            this.collection = collection;
            this.attributes = new LinkedHashSet<>(attributes);
            this.maxLimit = maxLimit;
        }

        /**
         * A filter with its own meaning, e.g. a port's {@code fixed_ips=ip_address=10.0.0.3};
         * it gets the item and every value the client gave.
         */
        public Builder filter(String name, BiPredicate<JsonNode, List<String>> matches) {
            custom.put(name, matches);
            return this;
        }

        public NeutronListing build() {
            return new NeutronListing(this);
        }
    }
}
