package dev.overcast.core.version;

import dev.overcast.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one route uses at each microversion: its request schema, its serializer, its handler.
 *
 * <p>Declared as a list of starting versions; each entry runs until the next one starts and
 * the last one to the history's maximum, so ranges can neither overlap nor leave a gap. A
 * route added in a later microversion starts there, and below that it does not exist (404,
 * as Nova answers); a route removed in some version ends with {@link Builder#removedIn}.
 *
 * <pre>{@code
 * static final Versioned<Schema> CREATE_SERVER = Versioned.<Schema>builder(COMPUTE)
 *         .from("2.1", v21)
 *         .from("2.19", v219)
 *         .build();
 * }</pre>
 *
 * @param <T> what varies by version
 */
public final class Versioned<T> {
    static final String NOT_FOUND = "The resource could not be found.";

    private final List<Entry<T>> entries;

    /**
     * One version range and what applies in it.
     *
     * @param range the versions, inclusive
     * @param value what the route uses for them
     */
    public record Entry<T>(VersionRange range, T value) {
        public Entry {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(value, "value");
        }
    }

    private Versioned(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Starts a table for a route of the service with this {@code history}. */
    public static <T> Builder<T> builder(VersionHistory history) {
        return new Builder<>(history);
    }

    /**
     * What applies at {@code version}.
     *
     * @throws ApiException 404 when the route does not exist at that version
     */
    public T select(ApiVersion version) {
        for (Entry<T> entry : entries) {
            if (entry.range().contains(version)) {
                return entry.value();
            }
        }
        throw ApiException.notFound(NOT_FOUND);
    }

    /** The ranges in order, for documentation and tests. */
    public List<Entry<T>> entries() {
        return entries;
    }

    /** Collects starting versions in increasing order. */
    public static final class Builder<T> {
        private final VersionHistory history;
        private final List<ApiVersion> starts = new ArrayList<>();
        private final List<T> values = new ArrayList<>();
        private ApiVersion removedIn;

        private Builder(VersionHistory history) {
            this.history = Objects.requireNonNull(history, "history");
        }

        /**
         * {@code value} applies from {@code version} until the next entry starts.
         *
         * @throws IllegalStateException when versions are not increasing or not in the history
         */
        public Builder<T> from(String version, T value) {
            ApiVersion start = VersionHistory.parseDeclared(version);
            if (removedIn != null) {
                throw new IllegalStateException("route was removed in " + removedIn + "; nothing can start at " + start);
            }
            requireInHistory(start);
            if (!starts.isEmpty() && start.compareTo(starts.getLast()) <= 0) {
                throw new IllegalStateException("versions must increase: " + start + " after " + starts.getLast());
            }
            starts.add(start);
            values.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The route no longer exists from {@code version} on (404), as Nova's proxy APIs after 2.35. */
        public Builder<T> removedIn(String version) {
            ApiVersion end = VersionHistory.parseDeclared(version);
            if (starts.isEmpty() || end.compareTo(starts.getLast()) <= 0) {
                throw new IllegalStateException("a route can only be removed after its last start, not in " + end);
            }
            requireInHistory(end);
            removedIn = end;
            return this;
        }

        /** @throws IllegalStateException when no entry was declared */
        public Versioned<T> build() {
            if (starts.isEmpty()) {
                throw new IllegalStateException("a versioned route needs at least one entry");
            }
            var entries = new ArrayList<Entry<T>>();
            for (int i = 0; i < starts.size(); i++) {
                ApiVersion end = i + 1 < starts.size() ? starts.get(i + 1) : removedIn;
                VersionRange range = end == null
                        ? VersionRange.from(starts.get(i))
                        : VersionRange.between(starts.get(i), previous(end));
                entries.add(new Entry<>(range, values.get(i)));
            }
            return new Versioned<>(entries);
        }

        private void requireInHistory(ApiVersion version) {
            if (!history.supports(version)) {
                throw new IllegalStateException(version + " is not in the " + history.serviceType()
                        + " history (" + history.min() + "-" + history.max() + ")");
            }
        }

        /** Safe: {@code end} is above an earlier version of the same contiguous history. */
        private static ApiVersion previous(ApiVersion end) {
            return new ApiVersion(end.major(), end.minor() - 1);
        }
    }
}
