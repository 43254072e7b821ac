package dev.overcast.orchestration.template.functions;

import java.util.Optional;
import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/**
 * A parsed intrinsic function call in a template snippet. Arguments were checked for shape when
 * it was built; {@link #validate} checks what needs the whole template (references);
 * {@link #resolve} computes its value against an engine's {@link ResolutionContext}.
 */
public abstract class Function {

    private final String name;
    private final Object args;

    /**
     * @param name the function's name as written (e.g. {@code get_attr})
     * @param args its arguments, already parsed (may contain functions)
     */
    protected Function(String name, Object args) {
        this.name = name;
        this.args = args;
    }

    /** @return the function name as written in the template */
    public final String name() {
        return name;
    }

    /** @return the parsed arguments */
    public final Object args() {
        return args;
    }

    /**
     * Computes the function's value.
     *
     * @throws TemplateException (or ArgumentException inside this package) when arguments
     *                           resolve to something the function refuses
     */
    public abstract Object resolve(ResolutionContext context);

    /**
     * Checks what needs the whole template (Heat's {@code Function.validate}); the arguments are
     * validated separately by {@link Snippets#validate}. Nothing to check by default.
     */
    public void validate(ValidationScope scope) {
    }

    /**
     * @return the resource this function names itself ({@code get_resource}, {@code get_attr}),
     *         when the name needs no run-time facts
     */
    public Optional<String> reference() {
        return Optional.empty();
    }

    /**
     * @return whether this function itself needs the engine (a resource's id or attributes, a
     *         facade); the arguments are asked separately
     */
    public boolean needsEngine() {
        return reference().isPresent();
    }

    /** Adds the names of the resources this function (and its arguments) needs to {@code into}. */
    public void dependencies(Set<String> into) {
        reference().ifPresent(into::add);
        Snippets.collectDependencies(args, into);
    }

    /** @return an argument error worded by the caller (Heat's ValueError/TypeError text) */
    static ArgumentException fail(String message) {
        return new ArgumentException(message);
    }

    @Override
    public String toString() {
        return "{" + name + ": " + Py.repr(args) + "}";
    }
}
