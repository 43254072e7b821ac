package dev.overcast.core.version;

import dev.overcast.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A service's microversion history: every version it supports, each with its one-line
 * change, built once at start-up and contiguous by construction (2.1, 2.2, … with no gap).
 *
 * <p>It also negotiates a request's version, as Nova does: the {@code OpenStack-API-Version}
 * header entry for this service type, else the legacy header; no version asked for means
 * the minimum, {@code latest} means the maximum, a malformed one is a 400 and one outside
 * the history a 406.
 *
 * <pre>{@code
 * static final VersionHistory COMPUTE = VersionHistory.builder("compute", "X-OpenStack-Nova-API-Version")
 *         .version("2.1", "Initial version")
 *         .version("2.2", "Adds keypair type")
 *         .build();
 * }</pre>
 */
public final class VersionHistory {
    /** The standard request and response header, {@code OpenStack-API-Version}. */
    public static final String HEADER = RequestedVersion.STANDARD_HEADER;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final String serviceType;
    private final String legacyHeader;
    private final List<Change> changes;

    /**
     * One microversion and what it changed.
     *
     * @param version     the microversion
     * @param description the change, one line, for the version history document
     */
    public record Change(ApiVersion version, String description) {
        public Change {
            Objects.requireNonNull(version, "version");
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("version " + version + " needs a description");
            }
        }
    }

    private VersionHistory(String serviceType, String legacyHeader, List<Change> changes) {
        this.serviceType = serviceType;
        this.legacyHeader = legacyHeader;
        this.changes = List.copyOf(changes);
    }

    /**
     * Starts a history.
     *
     * @param serviceType  the service type as named in {@code OpenStack-API-Version}
     *                     ({@code compute}, {@code placement}, {@code volume}, …)
     * @param legacyHeader the older per-service header still accepted, such as
     *                     {@code X-OpenStack-Nova-API-Version}, or null when there is none
     */
    public static Builder builder(String serviceType, String legacyHeader) {
        return new Builder(serviceType, legacyHeader);
    }

    /**
     * Checks that {@code versions} go up by exactly one minor version each, within one major.
     *
     * @throws IllegalStateException naming the first gap, repeat or step backwards
     */
    public static void assertContiguous(List<ApiVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("a version history needs at least one version");
        }
        for (int i = 1; i < versions.size(); i++) {
            ApiVersion previous = versions.get(i - 1);
            ApiVersion expected = previous.next();
            if (!versions.get(i).equals(expected)) {
                throw new IllegalStateException("version history is not contiguous: "
                        + versions.get(i) + " follows " + previous + " where " + expected + " was expected");
            }
        }
    }

    /** The service type used in {@code OpenStack-API-Version}. */
    public String serviceType() {
        return serviceType;
    }

    /** The legacy version header, if the service has one. */
    public Optional<String> legacyHeader() {
        return Optional.ofNullable(legacyHeader);
    }

    /** Every version, oldest first. */
    public List<Change> changes() {
        return changes;
    }

    /** The oldest version: what a client that asks for none gets. */
    public ApiVersion min() {
        return changes.getFirst().version();
    }

    /** The newest version: what {@code latest} means. */
    public ApiVersion max() {
        return changes.getLast().version();
    }

    /** True when {@code version} is in this history. */
    public boolean supports(ApiVersion version) {
        return version.isAtLeast(min()) && max().isAtLeast(version);
    }

    /**
     * Works out the version a request asked for.
     *
     * @param header a request header by name (case-insensitive, repeated lines folded with
     *               commas), null when absent
     * @throws ApiException 400 when the version is malformed, 406 when it is not supported
     */
    public ApiVersion negotiate(Function<String, String> header) {
        String requested = RequestedVersion.find(header, serviceType, legacyHeader);
        if (requested == null) {
            return min();
        }
        if (requested.equals("latest")) {
            return max();
        }
        if (ApiVersion.isWellFormed(requested)) {
            ApiVersion version = parseOrNull(requested);
            if (version != null && supports(version)) {
                return version;
            }
            throw ApiException.notAcceptable("Version " + requested + " is not supported by the API. Minimum is "
                    + min() + " and maximum is " + max() + ".");
        }
        return ApiVersion.parse(requested); // throws the 400 naming the value
    }

    /**
     * The headers every response for {@code version} carries: the standard header, the legacy
     * one if any, and {@code Vary} naming both so caches keep versions apart.
     */
    public List<ResponseHeader> responseHeaders(ApiVersion version) {
        var headers = new ArrayList<ResponseHeader>();
        headers.add(new ResponseHeader(HEADER, serviceType + " " + version));
        if (legacyHeader != null) {
            headers.add(new ResponseHeader(legacyHeader, version.toString()));
            headers.add(new ResponseHeader("Vary", HEADER + ", " + legacyHeader));
        } else {
            headers.add(new ResponseHeader("Vary", HEADER));
        }
        return List.copyOf(headers);
    }

    /** A well-formed version too large for an int is simply unsupported, as upstream says. */
    private static ApiVersion parseOrNull(String wellFormed) {
        try {
            return ApiVersion.parse(wellFormed);
        } catch (ApiException tooLarge) {
            return null;
        }
    }

    @Override
    public String toString() {
        return serviceType + " " + min() + "-" + max();
    }

    /** Collects versions in order; {@link #build()} checks them. */
    public static final class Builder {
        private final String serviceType;
        private final String legacyHeader;
        private final List<Change> changes = new ArrayList<>();

        private Builder(String serviceType, String legacyHeader) {
            if (serviceType == null || !TOKEN.matcher(serviceType).matches()) {
                throw new IllegalArgumentException("service type must be a single word, not '" + serviceType + "'");
            }
            if (legacyHeader != null && !TOKEN.matcher(legacyHeader).matches()) {
                throw new IllegalArgumentException("not a header name: '" + legacyHeader + "'");
            }
            this.serviceType = serviceType;
            this.legacyHeader = legacyHeader;
        }

        /** Adds the next version, e.g. {@code version("2.2", "Adds keypair type")}. */
        public Builder version(String version, String description) {
            changes.add(new Change(parseDeclared(version), description));
            return this;
        }

        /**
         * @throws IllegalStateException when there are no versions or they are not contiguous
         */
        public VersionHistory build() {
            try {
                assertContiguous(changes.stream().map(Change::version).toList());
            } catch (IllegalStateException e) {
                throw new IllegalStateException(serviceType + ": " + e.getMessage(), e);
            }
            return new VersionHistory(serviceType, legacyHeader, changes);
        }
    }

    /** A version written in code: a typo is a programming error, not a client's 400. */
    static ApiVersion parseDeclared(String version) {
        try {
            return ApiVersion.parse(version);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
