package dev.overcast.orchestration.template.functions;

import java.util.List;

import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/**
 * {@code if: [condition, value_if_true, value_if_false]} — a macro, as in Heat: the condition is
 * decided when the template is parsed (parameters are bound by then) and only the chosen branch
 * is parsed, so the other may refer to resources that the condition leaves out. From 2021-04-16
 * the false branch may be omitted: the enclosing item is then left out.
 */
final class If {

    private If() {
    }

    static Object expand(FunctionCall call) {
        boolean nullable = call.scope().version().atLeast(TemplateVersion.V2021_04_16);
        Object args = call.args();
        if (!(args instanceof List<?> list) || list.isEmpty() || !(list.size() == 3 || (nullable && list.size() == 2))) {
            throw Function.fail("Arguments to \"" + call.name()
                    + "\" must be of the form: [condition_name, value_if_true, value_if_false]");
        }
        Object condition = call.parser().forConditions().parse(list.get(0), call.name());
        Object decided = Snippets.resolveRaw(condition, dev.overcast.orchestration.template.ResolutionContext.STATIC);
        boolean enabled = decided instanceof Boolean b ? b : call.scope().conditionEnabled(decided);
        if (enabled) {
            return call.parser().parse(list.get(1), call.path());
        }
        return list.size() == 3 ? call.parser().parse(list.get(2), call.path()) : Snippets.ABSENT;
    }
}
