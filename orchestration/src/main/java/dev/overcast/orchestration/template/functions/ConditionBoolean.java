package dev.overcast.orchestration.template.functions;

import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/**
 * {@code and}, {@code or} and {@code not} over conditions: each operand is a boolean, a
 * condition function, or the name of a condition of the {@code conditions} section.
 */
final class ConditionBoolean extends Function {

    private enum Op { AND, OR, NOT }

    private final Op op;
    private final TemplateScope scope;

    private ConditionBoolean(FunctionCall call, Op op) {
        super(call.name(), call.args());
        this.op = op;
        this.scope = call.scope();
        Object args = call.args();
        if (op == Op.NOT) {
            if (args == null) {
                throw fail("Argument to \"" + call.name() + "\" must be a condition");
            }
            return;
        }
        if (!(args instanceof List<?> list)) {
            throw fail("Arguments to \"" + call.name() + "\" must be a list of conditions");
        }
        if (list.size() < 2) {
            throw fail("The minimum number of condition arguments to \"" + call.name() + "\" is 2.");
        }
    }

    static ConditionBoolean and(FunctionCall call) {
        return new ConditionBoolean(call, Op.AND);
    }

    static ConditionBoolean or(FunctionCall call) {
        return new ConditionBoolean(call, Op.OR);
    }

    static ConditionBoolean not(FunctionCall call) {
        return new ConditionBoolean(call, Op.NOT);
    }

    private boolean condition(Object operand, ResolutionContext context) {
        Object value = Snippets.resolveRaw(operand, context);
        return value instanceof Boolean b ? b : scope.conditionEnabled(value);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        return switch (op) {
            case NOT -> !condition(args(), context);
            case AND -> ((List<?>) args()).stream().allMatch(o -> condition(o, context));
            case OR -> ((List<?>) args()).stream().anyMatch(o -> condition(o, context));
        };
    }
}
