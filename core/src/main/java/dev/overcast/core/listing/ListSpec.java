package dev.overcast.core.listing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one list endpoint accepts: its sort keys and default order, its filters, its limits.
 * Declared once per endpoint; {@link ListQuery#parse} checks each request against it.
 *
 * <pre>{@code
 * ListSpec servers = ListSpec.builder(config.maxLimit())
 *         .sortKeys("created_at", "display_name", "uuid")
 *         .defaultSort(Sort.desc("created_at"))
 *         .tieBreaker("uuid")
 *         .filters("name", "status", "flavor")
 *         .build();
 * }</pre>
 */
public final class ListSpec {
    /** Query parameters that drive paging and sorting; never filters. */
    public static final Set<String> PAGING_PARAMS = Set.of("limit", "marker", "sort", "sort_key", "sort_dir");

    private final Set<String> sortKeys;
    private final List<Sort> defaultSort;
    private final String tieBreaker;
    private final Set<String> filters;
    private final Set<String> acceptedParams;
    private final int defaultLimit;
    private final int maxLimit;
    private final boolean strict;

    private ListSpec(Builder b) {
        this.sortKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.sortKeys));
        this.defaultSort = List.copyOf(b.defaultSort);
        this.tieBreaker = b.tieBreaker;
        this.filters = Set.copyOf(b.filters);
        this.acceptedParams = Set.copyOf(b.acceptedParams);
        this.defaultLimit = b.defaultLimit == 0 ? b.maxLimit : b.defaultLimit;
        this.maxLimit = b.maxLimit;
        this.strict = b.strict;
    }

    /**
     * Starts a spec.
     *
     * @param maxLimit the most items one page may hold, from configuration (Nova's
     *                 {@code [api] max_limit}, 1000 by default); also the default limit
     *                 unless {@link Builder#defaultLimit} says otherwise
     */
    public static Builder builder(int maxLimit) {
        return new Builder(maxLimit);
    }

    /** The keys a client may sort by, in declaration order. */
    public Set<String> sortKeys() {
        return sortKeys;
    }

    /** The order when the client asks for none. */
    public List<Sort> defaultSort() {
        return defaultSort;
    }

    /** The direction of a key the client names without one: that of the default sort. */
    public boolean defaultAscending() {
        return defaultSort.isEmpty() || defaultSort.getFirst().ascending();
    }

    /** A unique sort key appended to every order so that markers are unambiguous. */
    public Optional<String> tieBreaker() {
        return Optional.ofNullable(tieBreaker);
    }

    /** The query parameters kept as filters. */
    public Set<String> filters() {
        return filters;
    }

    /** Other parameters the endpoint reads itself; a strict spec does not reject them. */
    public Set<String> acceptedParams() {
        return acceptedParams;
    }

    /** Items per page when the client gives no {@code limit}. */
    public int defaultLimit() {
        return defaultLimit;
    }

    /** The most items per page; a larger {@code limit} is capped to this. */
    public int maxLimit() {
        return maxLimit;
    }

    /** True when an unknown query parameter is a 400 rather than ignored. */
    public boolean strict() {
        return strict;
    }

    /** Collects an endpoint's options; {@link #build()} checks they fit together. */
    public static final class Builder {
        private final int maxLimit;
        private final List<String> sortKeys = new ArrayList<>();
        private final List<Sort> defaultSort = new ArrayList<>();
        private final Set<String> filters = new HashSet<>();
        private final Set<String> acceptedParams = new HashSet<>();
        private String tieBreaker;
        private int defaultLimit;
        private boolean strict;

        private Builder(int maxLimit) {
            if (maxLimit < 1) {
                throw new IllegalArgumentException("max limit must be at least 1, not " + maxLimit);
            }
            this.maxLimit = maxLimit;
        }

        /** The keys a client may sort by. */
        public Builder sortKeys(String... keys) {
            sortKeys.addAll(List.of(keys));
            return this;
        }

        /** The order when the client asks for none; required when there are sort keys. */
        public Builder defaultSort(Sort... sorts) {
            defaultSort.addAll(List.of(sorts));
            return this;
        }

        /** A unique sort key (usually the id) appended to every order unless already in it. */
        public Builder tieBreaker(String key) {
            tieBreaker = key;
            return this;
        }

        /** The query parameters kept as filters. */
        public Builder filters(String... names) {
            filters.addAll(List.of(names));
            return this;
        }

        /** Parameters the endpoint reads itself (not filters), accepted by a strict spec. */
        public Builder acceptedParams(String... names) {
            acceptedParams.addAll(List.of(names));
            return this;
        }

        /** Items per page when the client gives no {@code limit}; defaults to the max limit. */
        public Builder defaultLimit(int limit) {
            defaultLimit = limit;
            return this;
        }

        /** Reject unknown query parameters with a 400 instead of ignoring them. */
        public Builder strict() {
            strict = true;
            return this;
        }

        /** @throws IllegalStateException when the options contradict each other */
        public ListSpec build() {
            if (defaultLimit != 0 && (defaultLimit < 1 || defaultLimit > maxLimit)) {
                throw new IllegalStateException("default limit " + defaultLimit + " is not within 1.." + maxLimit);
            }
            if (new HashSet<>(sortKeys).size() != sortKeys.size()) {
                throw new IllegalStateException("sort keys repeat: " + sortKeys);
            }
            if (!sortKeys.isEmpty() && defaultSort.isEmpty()) {
                throw new IllegalStateException("an endpoint with sort keys needs a default sort");
            }
            List<String> defaultKeys = defaultSort.stream().map(Sort::key).toList();
            if (new HashSet<>(defaultKeys).size() != defaultKeys.size()) {
                throw new IllegalStateException("default sort repeats a key: " + defaultSort);
            }
            for (String key : defaultKeys) {
                requireSortKey(key, "default sort key");
            }
            if (tieBreaker != null) {
                requireSortKey(tieBreaker, "tie-breaker");
            }
            requireNotPaging(filters, "filter");
            requireNotPaging(acceptedParams, "accepted parameter");
            return new ListSpec(this);
        }

        private void requireSortKey(String key, String role) {
            if (!sortKeys.contains(key)) {
                throw new IllegalStateException(role + " " + key + " is not one of the sort keys " + sortKeys);
            }
        }

        private static void requireNotPaging(Set<String> names, String role) {
            for (String name : names) {
                if (PAGING_PARAMS.contains(name)) {
                    throw new IllegalStateException(name + " is a paging parameter, not a " + role);
                }
            }
        }
    }
}
