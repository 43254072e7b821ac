package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static dev.overcast.orchestration.template.Hot.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcesAndOutputsTest {

    private static String resources(String version, String body) {
        return "heat_template_version: " + version + "\nresources:\n" + Hot.indent(body, 2) + "\n";
    }

    @Test
    void aResourceDefinitionKeepsEveryField() {
        Template t = parse("""
                heat_template_version: 2016-10-14
                parameters:
                  flavor: {type: string, default: m1.small}
                resources:
                  net: {type: OS::Neutron::Net}
                  server:
                    type: OS::Nova::Server
                    description: the web server
                    properties:
                      flavor: {get_param: flavor}
                      networks: [{network: {get_resource: net}}]
                    metadata: {role: web}
                    depends_on: net
                    deletion_policy: retain
                    update_policy: {max_batch_size: 2}
                """);
        ResourceDefinition server = t.resource("server");
        assertThat(server.type()).isEqualTo("OS::Nova::Server");
        assertThat(server.description()).isEqualTo("the web server");
        assertThat(server.dependsOn()).containsExactly("net");
        assertThat(server.deletionPolicy()).isEqualTo(DeletionPolicy.RETAIN);
        assertThat(server.resolveProperties(new Hot.FakeRuntime()))
                .isEqualTo(Map.of("flavor", "m1.small", "networks", List.of(Map.of("network", "net-id"))));
        assertThat(server.resolveMetadata(new Hot.FakeRuntime())).isEqualTo(Map.of("role", "web"));
        assertThat(server.resolveUpdatePolicy(new Hot.FakeRuntime())).isEqualTo(Map.of("max_batch_size", 2));
        assertThat(t.resource("net").deletionPolicy()).isEqualTo(DeletionPolicy.DELETE);
        assertThat(t.resource("net").resolveProperties(new Hot.FakeRuntime())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2016-10-14 | 'r: {properties: {}}'                  | Each resource must contain a type key.",
            "2016-10-14 | 'r: {}'                                | Each resource must contain a type key.",
            "2016-10-14 | 'r: OS::Heat::None'                    | \"resources\" must contain a map of resource maps. Found a [<class 'str'>] instead",
            "2016-10-14 | 'r: {type: OS::Heat::None, propertys: {}}' | \"propertys\" is not a valid keyword inside a resource definition",
            "2016-04-08 | 'r: {type: OS::Heat::None, condition: c}'  | \"condition\" is not a valid keyword inside a resource definition",
            "2016-10-14 | 'r: {type: [a]}'                       | Resource r type type must be string",
            "2016-10-14 | 'r: {type: \"\"}'                      | Each Resource must contain a Type key.",
            "2016-10-14 | 'r: {type: OS::Heat::None, properties: [a]}' | Resource r properties type must be object",
            "2016-10-14 | 'r: {type: OS::Heat::None, metadata: a}'    | Resource r metadata type must be object",
            "2016-10-14 | 'r: {type: OS::Heat::None, depends_on: 5}'  | Resource r depends_on type must be list or string",
            "2016-10-14 | 'r: {type: OS::Heat::None, depends_on: [5]}' | Resource r depends_on must be a list of strings",
            "2016-10-14 | 'r: {type: OS::Heat::None, depends_on: [x]}' | The specified reference \"x\" (in r) is incorrect.",
            "2016-10-14 | 'r: {type: OS::Heat::None, deletion_policy: Keep}' | Invalid deletion policy \"Keep\"",
            "2016-04-08 | 'r: {type: OS::Heat::None, deletion_policy: retain}' | Invalid deletion policy \"retain\"",
            "2016-10-14 | 'r: {type: OS::Heat::None, description: [a]}' | Resource r description type must be string",
            "2016-10-14 | 'r: {type: OS::Heat::None, condition: [a]}' | Resource r condition type must be string_or_boolean"})
    void aBadResourceIsRefusedAsHeatWordsIt(String version, String body, String message) {
        assertParseFails(resources(version, body)).hasMessage(message);
    }

    @Test
    void anExternalResourceMayNotDependOnAnything() {
        assertParseFails(resources("2016-10-14", """
                a: {type: OS::Heat::None}
                b: {type: OS::Nova::Server, external_id: '1234', depends_on: a}
                """)).hasMessage("Invalid dependency with external OS::Nova::Server resource: 1234");
        assertThat(parse(resources("2016-10-14", "b: {type: OS::Nova::Server, external_id: '1234'}"))
                .resource("b").externalId()).isEqualTo("1234");
    }

    @Test
    void anExternalIdThatIsNotAStringIsRefused() {
        assertParseFails(resources("2016-10-14", "b: {type: OS::Nova::Server, external_id: 1234}"))
                .hasMessage("Resource b external_id type must be string");
    }

    @Test
    void aResourceNameWithASlashIsRefused() {
        assertParseFails(resources("2016-10-14", "'a/b': {type: OS::Heat::None}"))
                .hasMessage("Resource name may not contain \"/\"");
    }

    @Test
    void theResourcesSectionMustBeAMap() {
        assertParseFails("heat_template_version: 2016-10-14\nresources: [a]\n")
                .hasMessage("The \"resources\" section must be a map. Found a [<class 'list'>] instead");
    }

    @Test
    void anEmptyResourcesSectionIsNoResources() {
        assertThat(parse("heat_template_version: 2016-10-14\nresources:\n").resources()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'o: {description: x}'            | Output validation error: outputs.o: Each output definition must contain a value key.",
            "'o: {}'                          | Output validation error: outputs.o: Each output definition must contain a value key.",
            "'o: {value: 1, values: 2}'       | \"values\" is not a valid keyword inside a output definition",
            "'o: text'                        | Output validation error: outputs.o: Output definitions must be a map. Found a str instead"})
    void aBadOutputIsRefusedAsHeatWordsIt(String body, String message) {
        assertParseFails("heat_template_version: 2016-10-14\noutputs:\n" + Hot.indent(body, 2) + "\n").hasMessage(message);
    }

    @Test
    void theOutputsSectionMustBeAMap() {
        assertParseFails("heat_template_version: 2016-10-14\noutputs: [a]\n")
                .hasMessage("Output validation error: outputs: Output definitions must be a map. Found a list instead");
    }

    @Test
    void theConditionsSectionMustBeAMap() {
        assertParseFails("heat_template_version: 2016-10-14\nconditions: [a]\n")
                .hasMessage("Conditions validation error: Condition definitions must be a map. Found a list instead");
    }

    @Test
    void outputsKeepTheirDescriptionAndResolveAgainstTheEngine() {
        Template t = parse("""
                heat_template_version: 2016-10-14
                resources:
                  server: {type: OS::Nova::Server}
                outputs:
                  ip:
                    description: the address
                    value: {get_attr: [server, first_address]}
                """);
        OutputDefinition ip = t.outputs().get("ip");
        assertThat(ip.description()).isEqualTo("the address");
        assertThat(ip.dependencies()).containsExactly("server");
        assertThat(ip.resolve(new Hot.FakeRuntime())).isEqualTo("10.0.0.5");
    }

    @Test
    void aFunctionErrorInAnOutputNamesTheOutput() {
        assertParseFails("""
                heat_template_version: 2016-10-14
                outputs:
                  o: {value: {list_join: [',']}}
                """).hasMessageStartingWith("outputs.o.value.list_join: Incorrect arguments to \"list_join\"");
    }

    @Test
    void aFunctionErrorInAPropertyNamesThePath() {
        assertParseFails(resources("2016-10-14", """
                r:
                  type: OS::Heat::Value
                  properties:
                    value: [a, {str_split: {a: b}}]
                """)).hasMessage("resources.r.properties.value[1].str_split: Incorrect arguments to \"str_split\" "
                + "should be: \"str_split\" : [ \",\", \"apples,pears\", <index>]");
    }
}
