package dev.overcast.core.bus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who asked, carried with every message so that logs and notifications on the far side name the
 * same request. Every field may be {@code null}.
 *
 * <p>The context travels implicitly: senders take {@link #current()}, which the HTTP layer binds
 * for the request with {@link #run} or {@link #call}, and the bus binds the received context
 * while a handler runs, so a handler's own calls carry it further.
 *
 * @param requestId       this service's request id ({@code req-<uuid>})
 * @param globalRequestId the id a client sent in {@code X-OpenStack-Request-ID}, kept across services
 * @param userId          the Keystone user id
 * @param projectId       the Keystone project id
 */
public record RequestContext(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("global_request_id") String globalRequestId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("project_id") String projectId) {

    /** No request: background work. */
    public static final RequestContext EMPTY = new RequestContext(null, null, null, null);

    private static final ScopedValue<RequestContext> CURRENT = ScopedValue.newInstance();

    /** The context bound on this thread, or {@link #EMPTY}. */
    public static RequestContext current() {
        return CURRENT.isBound() ? CURRENT.get() : EMPTY;
    }

    /** Runs {@code action} with this context current. */
    public void run(Runnable action) {
        ScopedValue.where(CURRENT, this).run(action);
    }

    /** Calls {@code action} with this context current and returns its result. */
    public <T, X extends Throwable> T call(ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(CURRENT, this).call(action);
    }
}
