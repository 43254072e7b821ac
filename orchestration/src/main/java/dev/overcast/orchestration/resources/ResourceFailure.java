package dev.overcast.orchestration.resources;

/**
 * A resource action failed. {@link #errorType()} names the failure as Heat names the exception
 * class in a status reason ({@code ValueError: resources.r: ...}).
 */
public final class ResourceFailure extends RuntimeException {
    private final String errorType;

    public ResourceFailure(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    /** @return the kind of failure, e.g. {@code ValueError} */
    public String errorType() {
        return errorType;
    }
}
