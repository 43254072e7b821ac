package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.environment.ResolvedType;
import dev.overcast.orchestration.template.functions.FunctionTable;

/** What the API's {@code template validate} and {@code template_versions} answers need. */
class TemplateValidateTest {

    private static final String TEMPLATE = """
            heat_template_version: 2018-03-02
            parameters:
              key_name:
                type: string
                label: Key
                description: the key pair
                constraints:
                  - custom_constraint: nova.keypair
                    description: must be an existing key pair
              size:
                type: number
                default: 2
                tags: [sizing]
                constraints:
                  - range: {min: 1, max: 5}
                  - modulo: {step: 2, offset: 0}
                    description: even only
              secret: {type: string, hidden: true, constraints: [{length: {min: 8}}]}
            resources:
              server:
                type: OS::Nova::Server
                properties: {key_name: {get_param: key_name}}
            """;

    @Test
    void aTemplateWithoutParameterValuesValidates() {
        Template t = Template.parse(TemplateInput.of(TEMPLATE).forValidation());
        assertThat(t.resources()).containsOnlyKeys("server");
        assertThatThrownBy(() -> t.parameters().value("key_name"))
                .hasMessage("The Parameter (key_name) was not provided.");
        assertThatThrownBy(() -> t.resource("server").resolveProperties(new Hot.FakeRuntime()))
                .hasMessage("The Parameter (key_name) was not provided.");
    }

    @Test
    void theValuesGivenAreStillChecked() {
        assertThatThrownBy(() -> Template.parse(TemplateInput.of(TEMPLATE).withParameters(Map.of("size", 3))
                .forValidation())).hasMessage("Parameter 'size' is invalid: even only");
    }

    @Test
    void parametersAreDescribedAsHeatsTemplateValidateDescribesThem() {
        Template t = Template.parse(TemplateInput.of(TEMPLATE).withParameters(Map.of("secret", "longenough"))
                .forValidation());
        Map<String, Map<String, Object>> view = t.parameters().validateView();
        assertThat(view.keySet()).containsExactly("key_name", "size", "secret");
        assertThat(view.get("key_name")).isEqualTo(Map.of("Type", "String", "Description", "the key pair",
                "NoEcho", "false", "Label", "Key", "CustomConstraint", "nova.keypair",
                "ConstraintDescription", "must be an existing key pair"));
        assertThat(view.get("size")).isEqualTo(Map.ofEntries(Map.entry("Type", "Number"), Map.entry("Description", ""),
                Map.entry("NoEcho", "false"), Map.entry("Label", "size"), Map.entry("Default", 2),
                Map.entry("Tags", List.of("sizing")), Map.entry("MinValue", 1), Map.entry("MaxValue", 5),
                Map.entry("Step", 2L), Map.entry("Offset", 0L), Map.entry("ConstraintDescription", "even only")));
        assertThat(view.get("secret")).containsEntry("NoEcho", "true").containsEntry("Value", "longenough")
                .containsEntry("MinLength", 8);
    }

    @Test
    void parameterDefaultsShowAsTheDefault() {
        Template t = Template.parse(TemplateInput.of(TEMPLATE)
                .withEnvironment(Environment.parse("parameter_defaults: {size: 4}")).forValidation());
        assertThat(t.parameters().validateView().get("size")).containsEntry("Default", 4);
    }

    @Test
    void theFunctionsListOfAVersionHasHeatsDescriptions() {
        List<FunctionTable.Entry> listed = FunctionTable.listed(TemplateVersion.V2016_10_14, false);
        assertThat(listed).extracting(FunctionTable.Entry::name).contains("get_param", "if", "yaql")
                .doesNotContain("filter", "Fn::Select");
        assertThat(listed).filteredOn(e -> e.name().equals("get_param")).singleElement()
                .extracting(FunctionTable.Entry::description).isEqualTo("A function for resolving parameter references.");
        assertThat(FunctionTable.listed(TemplateVersion.V2013_05_23, false)).extracting(FunctionTable.Entry::name)
                .contains("Fn::Select", "Ref");
    }

    @Test
    void aResourcesTypeIsResolvedThroughTheEnvironment() {
        Template t = Template.parse(TemplateInput.of("""
                heat_template_version: 2016-10-14
                resources:
                  web: {type: My::Web}
                  db: {type: OS::Trove::Instance}
                """).withEnvironment(Environment.parse("resource_registry: {My::Web: web.yaml}")));
        assertThat(t.resolvedType("web")).isEqualTo(new ResolvedType.TemplateResource("web.yaml"));
        assertThat(t.resolvedType("db")).isEqualTo(new ResolvedType.Plugin("OS::Trove::Instance"));
    }
}
