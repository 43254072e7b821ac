package dev.overcast.orchestration.template;

import java.util.Map;

import dev.overcast.orchestration.template.functions.TemplateScope;
import dev.overcast.orchestration.template.parameters.Parameters;

/** The {@link TemplateScope} a template gives its functions. */
final class TemplateContext implements TemplateScope {

    private final TemplateVersion version;
    private final Parameters parameters;
    private final Map<String, String> files;
    private ConditionSet conditions;

    TemplateContext(TemplateVersion version, Parameters parameters, Map<String, String> files) {
        this.version = version;
        this.parameters = parameters;
        this.files = files;
    }

    void conditions(ConditionSet conditions) {
        this.conditions = conditions;
    }

    @Override
    public TemplateVersion version() {
        return version;
    }

    @Override
    public boolean hasParameter(String name) {
        return parameters.has(name);
    }

    @Override
    public Object parameterValue(String name) {
        return parameters.value(name);
    }

    @Override
    public Map<String, String> files() {
        return files;
    }

    @Override
    public boolean conditionEnabled(Object condition) {
        return conditions.isEnabled(condition);
    }
}
