package dev.overcast.orchestration.template.functions;

/**
 * A function's arguments are wrong: Heat's {@code ValueError}/{@code TypeError}/{@code KeyError}
 * inside a function. The parser turns it into a StackValidationFailed naming the path where the
 * function sits; {@link Snippets#resolve} turns it into one without a path.
 */
final class ArgumentException extends RuntimeException {
    ArgumentException(String message) {
        super(message, null, false, false);
    }
}
