package dev.overcast.core.http;

import dev.overcast.core.version.VersionHistory;

/**
 * One OpenStack service as the HTTP host sees it: where it lives, how its errors look and
 * which routes it serves. Services implement this; the host knows nothing else about them.
 */
public interface ServiceApi {

    /** The path prefix on the shared port, e.g. {@code /identity}. */
    String prefix();

    /** How this service's errors are rendered. */
    FaultFormat faults();

    /** Registers the service's routes; paths are relative to {@link #prefix()}. */
    void routes(Routes routes);

    /**
     * Whether a trailing slash makes a different path, as in Glance ({@code GET /v2/images/}
     * is a 404), or is ignored, as in Keystone ({@code /v3/OS-TRUST/trusts/} lists trusts).
     */
    default boolean strictTrailingSlash() {
        return false;
    }

    /**
     * The service's microversion history, or null when it has none. When present the host
     * negotiates every request's version before routing ({@link Request#version()}) and puts
     * the version headers on every answer, errors included.
     */
    default VersionHistory versions() {
        return null;
    }

    /**
     * An older version of the API that the same routes serve, as Nova's v2.0 compatible mode
     * on {@code /v2}: a request under {@code prefix + "/"} is routed as if under {@code routedAs},
     * at the oldest microversion whatever its headers ask, is answered without version headers,
     * and reads its body leniently ({@link Request#lenient()}). Null when there is none.
     */
    default OlderApi olderApi() {
        return null;
    }

    /** See {@link #olderApi()}. */
    record OlderApi(String prefix, String routedAs) {
    }

    /**
     * Whether a path may name the caller's project right after its version segment, as Nova's
     * {@code /v2.1/{project_id}/servers}: such a path is routed as the one without it, and a
     * token scoped to another project gets a 400.
     */
    default boolean projectIdInPath() {
        return false;
    }

    /**
     * A service-specific header that repeats the request id on every answer, as Nova's
     * {@code x-compute-request-id}; null when the service has none.
     */
    default String requestIdHeader() {
        return null;
    }
}
