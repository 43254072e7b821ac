package dev.overcast.orchestration.resources;

/**
 * A resource action failed. {@link #errorType()} names the failure as Heat names the exception
 * class in a status reason ({@code ValueError: resources.r: ...}).
 */
public final class ResourceFailure extends RuntimeException {
    private final String errorType;
    private final String path;

    public ResourceFailure(String errorType, String message) {
        this(errorType, null, message);
    }

    /**
     * A failure deeper than the resource itself: a nested stack's resource, whose path
     * ({@code resources.<child>}) Heat appends to the resource's own in the reason.
     */
    public ResourceFailure(String errorType, String path, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.path = path;
    }

    /** @return the path below the resource that failed ({@code resources.<child>}), or null */
    public String path() {
        return path;
    }

    /** @return the kind of failure, e.g. {@code ValueError} */
    public String errorType() {
        return errorType;
    }
}
