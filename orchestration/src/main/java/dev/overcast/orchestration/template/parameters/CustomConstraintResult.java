package dev.overcast.orchestration.template.parameters;

import dev.overcast.orchestration.template.functions.Py;

/** The outcome of a custom constraint check. */
public sealed interface CustomConstraintResult {

    /** The value satisfies the constraint. */
    record Valid() implements CustomConstraintResult {
    }

    /** The value fails; {@code error} is the whole message, as Heat's constraint words it. */
    record Invalid(String error) implements CustomConstraintResult {
    }

    /** No constraint of that name exists. */
    record Unknown() implements CustomConstraintResult {
    }

    /**
     * Heat's wording for a lookup that failed: {@code Error validating value 'x': <message>}.
     *
     * @param value   the value checked
     * @param message why, e.g. {@code The Flavor (m1.huge) could not be found.}
     */
    public static Invalid failed(Object value, String message) {
        return new Invalid("Error validating value '" + Py.str(value) + "': " + message);
    }
}
