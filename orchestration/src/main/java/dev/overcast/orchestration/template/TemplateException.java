package dev.overcast.orchestration.template;

import java.util.Objects;

/**
 * A template, environment or parameter problem, worded as Heat words it.
 *
 * <p>{@link #type()} is the name of the Heat exception class the error corresponds to; Heat's
 * fault body carries it as {@code error.type}, so the API layer can put it there unchanged.
 * Every type is a client error (HTTP 400, except {@link Type#RequestLimitExceeded} which Heat
 * also answers with 400).
 */
public final class TemplateException extends RuntimeException {

    /** Heat's exception class names, as they appear in Heat's fault bodies. */
    public enum Type {
        /** A template or environment that is not valid YAML/JSON or not a mapping. */
        InvalidTemplate,
        InvalidTemplateVersion,
        InvalidTemplateSection,
        StackValidationFailed,
        InvalidSchemaError,
        UserParameterMissing,
        UnknownUserParameter,
        InvalidTemplateReference,
        CircularDependencyException,
        RequestLimitExceeded,
        NotSupported,
        InvalidEnvironment,
        InvalidBreakPointHook,
        InvalidRestrictedAction,
        InvalidMergeStrategyForParam,
        ConflictingMergeStrategyForParam,
        InvalidExternalResourceDependency
    }

    private final Type type;

    /**
     * @param type    the Heat exception type
     * @param message the complete user-facing message
     */
    public TemplateException(Type type, String message) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type);
    }

    /** @return the Heat exception type */
    public Type type() {
        return type;
    }

    /** Heat's StackValidationFailed with a plain message. */
    public static TemplateException validation(String message) {
        return new TemplateException(Type.StackValidationFailed, message);
    }

    /**
     * Heat's StackValidationFailed with a path, formatted as Heat formats
     * {@code HeatExceptionWithPath}: {@code "<error>: <path>: <message>"}, parts left out when empty.
     */
    public static TemplateException validation(String error, String path, String message) {
        StringBuilder text = new StringBuilder();
        if (error != null && !error.isEmpty()) {
            text.append(error).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(message);
        return new TemplateException(Type.StackValidationFailed, text.toString());
    }

    /** Heat's InvalidTemplateVersion: "The template version is invalid: ...". */
    public static TemplateException invalidVersion(String explanation) {
        return new TemplateException(Type.InvalidTemplateVersion, "The template version is invalid: " + explanation);
    }

    /** Heat's InvalidSchemaError (message as is). */
    public static TemplateException invalidSchema(String message) {
        return new TemplateException(Type.InvalidSchemaError, message);
    }

    /** Heat's UserParameterMissing. */
    public static TemplateException parameterMissing(String name) {
        return new TemplateException(Type.UserParameterMissing, "The Parameter (" + name + ") was not provided.");
    }

    /** Heat's InvalidTemplateReference. */
    public static TemplateException invalidReference(String resource, String key) {
        return new TemplateException(Type.InvalidTemplateReference,
                "The specified reference \"" + resource + "\" (in " + key + ") is incorrect.");
    }

    /** Heat's NotSupported: "<feature> is not supported.". */
    public static TemplateException notSupported(String feature) {
        return new TemplateException(Type.NotSupported, feature + " is not supported.");
    }
}
