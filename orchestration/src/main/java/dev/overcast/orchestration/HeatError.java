package dev.overcast.orchestration;

import dev.overcast.core.http.ApiException;
import dev.overcast.orchestration.template.TemplateException;

/**
 * An error a client sees in Heat's fault body, with Heat's exception class name as
 * {@code error.type} ({@code EntityNotFound}, {@code StackExists}, ...).
 */
public final class HeatError extends ApiException {
    private final String type;

    public HeatError(int status, String type, String message) {
        super(status, message);
        this.type = type;
    }

    /** @return Heat's exception class name */
    public String type() {
        return type;
    }

    /** A template, environment or parameter problem: 400 with the template layer's type. */
    public static HeatError of(TemplateException e) {
        return new HeatError(400, e.type().name(), e.getMessage());
    }

    /** Heat's EntityNotFound: "The Stack (name) could not be found." */
    public static HeatError notFound(String entity, String name) {
        return new HeatError(404, "EntityNotFound", "The " + entity + " (" + name + ") could not be found.");
    }

    /** A malformed request: 400 HTTPBadRequest. */
    public static HeatError badRequest(String message) {
        return new HeatError(400, "HTTPBadRequest", message);
    }

    /** Heat's ActionInProgress. */
    public static HeatError inProgress(String stackName, String action) {
        return new HeatError(409, "ActionInProgress", "Stack " + stackName + " already has an action (" + action
                + ") in progress.");
    }

    /** Heat's NotSupported as a 501, for what Overcast does not implement yet. */
    public static HeatError notImplemented(String message) {
        return new HeatError(501, "NotSupported", message);
    }
}
