package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertEvalFails;
import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static dev.overcast.orchestration.template.Hot.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceFunctionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{get_param: name}                 | web",
            "{get_param: count}                | 3",
            "{get_param: [zones, 1]}           | b",
            "{get_param: [zones, '0']}         | a",
            "{get_param: [config, k]}          | v",
            "{get_param: [config, n, m, 1]}    | 2",
            "{get_param: [config, missing]}    | ''",
            "{get_param: [zones, 7]}           | ''",
            "{get_param: [name, 0]}            | w",
            "{get_param: 'OS::stack_id'}       | None"})
    void getParamReadsParametersAndWalksPaths(String snippet, String expected) {
        assertThat(String.valueOf(eval(snippet))).isEqualTo(expected);
    }

    @Test
    void getParamGivesTypedValues() {
        assertThat(eval("{get_param: zones}")).isEqualTo(List.of("a", "b"));
        assertThat(eval("{get_param: flag}")).isEqualTo(true);
        assertThat(eval("{get_param: config}")).isEqualTo(Map.of("k", "v", "n", Map.of("m", List.of(1, 2))));
    }

    @Test
    void getParamOfAnUnknownParameterFailsAtValidation() {
        assertParseFails(Hot.withOutput("2016-10-14", "{get_param: nope}"))
                .hasMessage("outputs.out.value.get_param: The Parameter (nope) was not provided.");
    }

    @Test
    void aStackWithoutANameHasNoStackNameParameterAsInHeat() {
        assertParseFails(Hot.withOutput("2016-10-14", "{get_param: 'OS::stack_name'}"))
                .hasMessage("outputs.out.value.get_param: The Parameter (OS::stack_name) was not provided.");
    }

    @Test
    void getParamWithoutArgumentsFails() {
        assertEvalFails("2016-10-14", "{get_param: []}").hasMessage("Function \"get_param\" must have arguments");
    }

    @Test
    void getParamWithAMapFails() {
        assertEvalFails("2016-10-14", "{get_param: {a: b}}")
                .hasMessage("Argument to \"get_param\" must be string or list");
    }

    @Test
    void getResourceGivesTheReferenceId() {
        assertThat(eval("{get_resource: server}")).isEqualTo("server-id");
    }

    @Test
    void getResourceOfAnUnknownResourceIsAnInvalidReference() {
        String template = """
                heat_template_version: 2016-10-14
                resources:
                  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}
                """;
        assertParseFails(template)
                .hasMessage("The specified reference \"net\" (in port.Properties.network) is incorrect.");
    }

    @Test
    void getAttrInAnOutputNamingAnUnknownResourceSaysUnknownAsHeatDoes() {
        assertParseFails(Hot.withOutput("2016-10-14", "{get_attr: [nothing, ip]}"))
                .hasMessage("outputs.out.value.get_attr: The specified reference \"nothing\" (in unknown) is incorrect.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2013-05-23 | {get_attr: [server, networks, private, 1]} | fd00::5",
            "2014-10-16 | {get_attr: [server, networks, private, 0]} | 10.0.0.5",
            "2016-10-14 | {get_attr: [server, show, name]}          | web-1",
            "2016-10-14 | {get_attr: [volume, size]}                | 10"})
    void getAttrWalksThePathBelowTheAttribute(String version, String snippet, String expected) {
        assertThat(String.valueOf(eval(version, snippet))).isEqualTo(expected);
    }

    @Test
    void getAttrWithOnlyAResourceGivesAllAttributesFrom2015_10_15() {
        assertThat(eval("2015-10-15", "{get_attr: [volume]}")).isEqualTo(Map.of("size", 10));
        assertParseFails(Hot.withOutput("2015-04-30", "{get_attr: [volume]}")).hasMessage(
                "outputs.out.value.get_attr: Arguments to \"get_attr\" must be of the form "
                        + "[resource_name, attribute, (path), ...]");
    }

    @Test
    void getAttrWithAStringIsRefused() {
        assertParseFails(Hot.withOutput("2016-10-14", "{get_attr: server}"))
                .hasMessage("outputs.out.value.get_attr: Argument to \"get_attr\" must be a list");
    }

    @Test
    void getAttrWithNothingIsRefused() {
        assertParseFails(Hot.withOutput("2016-10-14", "{get_attr: []}")).hasMessage(
                "outputs.out.value.get_attr: Arguments to \"get_attr\" can be of the next forms: [resource_name] "
                        + "or [resource_name, attribute, (path), ...]");
    }

    @Test
    void getFileReadsTheFilesMap() {
        Template t = Template.parse(TemplateInput.of(Hot.withOutput("2016-10-14", "{get_file: 'scripts/boot.sh'}"))
                .withFiles(Map.of("scripts/boot.sh", "#!/bin/sh\necho hi\n")));
        assertThat(t.outputs().get("out").resolve(new Hot.FakeRuntime())).isEqualTo("#!/bin/sh\necho hi\n");
    }

    @Test
    void getFileOfAMissingFileIsRefusedAtValidation() {
        assertThatThrownBy(() -> Hot.parse(Hot.withOutput("2016-10-14", "{get_file: 'missing.sh'}")))
                .hasMessage("outputs.out.value.get_file: No content found in the \"files\" section for get_file path: missing.sh");
    }

    @Test
    void resourceFacadeChecksItsArgument() {
        assertParseFails(Hot.withOutput("2016-10-14", "{resource_facade: colour}")).hasMessage(
                "outputs.out.value.resource_facade: Incorrect arguments to \"resource_facade\" should be one of: "
                        + "metadata, deletion_policy, update_policy");
    }

    @Test
    void resourceFacadeOutsideANestedStackIsRefused() {
        assertEvalFails("2016-10-14", "{resource_facade: metadata}")
                .hasMessage("resource_facade outside a nested stack is not supported.");
    }
}
