package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.overcast.orchestration.template.functions.FunctionTable;

class FunctionVersionsTest {

    @Test
    void theFunctionsOf2016_10_14AreHeats() {
        assertThat(FunctionTable.templateFunctions(TemplateVersion.V2016_10_14)).containsExactlyInAnyOrder(
                "get_attr", "get_file", "get_param", "get_resource", "list_join", "repeat", "resource_facade",
                "str_replace", "digest", "str_split", "map_merge", "yaql", "map_replace", "if", "equals", "not",
                "and", "or");
        assertThat(FunctionTable.conditionFunctions(TemplateVersion.V2016_10_14))
                .containsExactlyInAnyOrder("get_param", "equals", "not", "and", "or");
    }

    @Test
    void theFunctionsOf2013_05_23IncludeTheCloudFormationOnes() {
        assertThat(FunctionTable.templateFunctions(TemplateVersion.V2013_05_23)).containsExactlyInAnyOrder(
                "get_param", "get_resource", "get_attr", "get_file", "str_replace", "list_join", "resource_facade",
                "Fn::Select", "Fn::Join", "Fn::Split", "Fn::Replace", "Fn::Base64", "Ref", "Fn::GetAZs",
                "Fn::MemberListToMap", "Fn::ResourceFacade");
    }

    @Test
    void conditionsGainContainsAndYaqlIn2017_09_01AndIfIn2021_04_16() {
        assertThat(FunctionTable.conditionFunctions(TemplateVersion.V2017_09_01))
                .containsExactlyInAnyOrder("get_param", "equals", "not", "and", "or", "yaql", "contains");
        assertThat(FunctionTable.conditionFunctions(TemplateVersion.V2021_04_16)).contains("if");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2014-10-16 | {'Fn::Join': [',', [a]]}         | Fn::Join",
            "2015-10-15 | {'Fn::Select': ['0', [a]]}       | Fn::Select",
            "2015-04-30 | {str_split: [',', a]}            | str_split",
            "2016-04-08 | {map_replace: [{}, {}]}          | map_replace",
            "2016-10-14 | {filter: [[], []]}               | filter",
            "2017-02-24 | {list_concat: [[a]]}             | list_concat",
            "2014-10-16 | {digest: [md5, a]}               | digest",
            "2015-04-30 | {map_merge: [{}]}                | map_merge"})
    void aFunctionOfAnotherVersionIsNotSupported(String version, String snippet, String function) {
        assertParseFails(Hot.withOutput(version, snippet)).hasMessage("outputs.out.value." + function
                + ": The template version is invalid: The function " + function + " is not supported in this version of HOT.");
    }

    @Test
    void yaqlIsRefusedClearly() {
        assertParseFails(Hot.withOutput("2016-10-14", "{yaql: {expression: $.data, data: {}}}"))
                .hasMessage("outputs.out.value.yaql: yaql is not supported.");
    }

    @Test
    void aMapWithAnUnknownKeyIsData() {
        assertThat(Hot.eval("{colour: blue}")).isEqualTo(java.util.Map.of("colour", "blue"));
        assertThat(Hot.eval("[{get_param: name}, {a: b, c: d}]"))
                .isEqualTo(List.of("web", java.util.Map.of("a", "b", "c", "d")));
    }

    @Test
    void everyRowOfTheTableExistsInTheNewestVersionUnlessHotDroppedIt() {
        for (FunctionTable.Entry e : FunctionTable.entries()) {
            assertThat(e.inTemplate(TemplateVersion.V2021_04_16) || e.removedIn() != null)
                    .as(e.name()).isTrue();
        }
    }
}
