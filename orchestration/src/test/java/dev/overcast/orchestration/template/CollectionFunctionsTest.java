package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertEvalFails;
import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static dev.overcast.orchestration.template.Hot.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionFunctionsTest {

    @Test
    void repeatMakesOneCopyPerItem() {
        assertThat(eval("""
                repeat:
                  for_each: {<%port%>: [80, 443]}
                  template: {protocol: tcp, port: <%port%>}
                """)).isEqualTo(List.of(Map.of("protocol", "tcp", "port", "80"), Map.of("protocol", "tcp", "port", "443")));
    }

    @Test
    void repeatOverSeveralListsMakesEveryCombinationFirstListSlowest() {
        assertThat(eval("""
                repeat:
                  for_each: {'%a%': [x, y], '%b%': ['1', '2']}
                  template: '%a%-%b%'
                """)).isEqualTo(List.of("x-1", "x-2", "y-1", "y-2"));
    }

    @Test
    void repeatWithoutPermutationsPairsTheListsFrom2017_09_01() {
        assertThat(eval("2017-09-01", """
                repeat:
                  for_each: {'%a%': [x, y], '%b%': ['1', '2']}
                  template: '%a%-%b%'
                  permutations: false
                """)).isEqualTo(List.of("x-1", "y-2"));
        assertEvalFails("2017-09-01", """
                repeat:
                  for_each: {'%a%': [x, y], '%b%': ['1']}
                  template: '%a%-%b%'
                  permutations: false
                """).hasMessage("For repeat, the length of for_each values should be equal if no nested loop.");
    }

    @Test
    void repeatIteratesOverAMapsKeysFrom2016_10_14() {
        assertThat(eval("2016-10-14", "{repeat: {for_each: {'%k%': {a: 1, b: 2}}, template: 'key-%k%'}}"))
                .isEqualTo(List.of("key-a", "key-b"));
        assertEvalFails("2016-04-08", "{repeat: {for_each: {'%k%': {a: 1}}, template: 'key-%k%'}}")
                .hasMessage("The values of the \"for_each\" argument to \"repeat\" must be lists");
    }

    @Test
    void repeatOverAListParameter() {
        assertThat(eval("{repeat: {for_each: {'%z%': {get_param: zones}}, template: 'zone-%z%'}}"))
                .isEqualTo(List.of("zone-a", "zone-b"));
    }

    @Test
    void repeatChecksItsArguments() {
        assertParseFails(Hot.withOutput("2016-10-14", "{repeat: {template: x}}"))
                .hasMessageStartingWith("outputs.out.value.repeat: \"repeat\" syntax should be repeat:");
        assertParseFails(Hot.withOutput("2016-10-14", "{repeat: {template: x, for_each: [a]}}"))
                .hasMessage("outputs.out.value.repeat: The \"for_each\" argument to \"repeat\" must contain a map");
        assertParseFails(Hot.withOutput("2017-09-01", "{repeat: {template: x, for_each: {x: [a]}, permutations: 1}}"))
                .hasMessage("outputs.out.value.repeat: \"permutations\" should be boolean type for repeat function.");
        assertEvalFails("2016-10-14", "{repeat: {template: x, for_each: {x: abc}}}")
                .hasMessage("The values of the \"for_each\" argument to \"repeat\" must be lists or maps");
    }

    @Test
    void mapMergeLetsLaterMapsWin() {
        assertThat(eval("{map_merge: [{a: 1, b: 2}, null, {b: 3, c: 4}]}")).isEqualTo(Map.of("a", 1, "b", 3, "c", 4));
        assertEvalFails("2016-10-14", "{map_merge: [{a: 1}, [b]]}")
                .hasMessage("Incorrect arguments: Items to merge must be maps.");
        assertEvalFails("2016-10-14", "{map_merge: {a: 1}}").hasMessage(
                "Incorrect arguments to \"map_merge\" should be: \"map_merge\" : [ { \"key1\": \"val1\" }, "
                        + "{ \"key2\": \"val2\" } ]");
    }

    @Test
    void mapReplaceRenamesKeysAndReplacesValues() {
        assertThat(eval("{map_replace: [{k1: v1, k2: v2}, {keys: {k1: K1}, values: {v2: V2}}]}"))
                .isEqualTo(Map.of("K1", "v1", "k2", "V2"));
        assertEvalFails("2016-10-14", "{map_replace: [{k1: v1, k2: v2}, {keys: {k1: k2}}]}")
                .hasMessage("key replacement k2 collides with a key in the input map");
        assertEvalFails("2016-10-14", "{map_replace: [{k1: v1}, {colours: {}}]}").hasMessageStartingWith(
                "Incorrect arguments to \"map_replace\" should be: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{filter: [[null, ''], [a, null, b, '']]}       | [a, b]",
            "{filter: [[1], [1, 2, 1.0, 3]]}                 | [2, 3]",
            "{filter: [null, [a]]}                           | [a]",
            "{list_concat: [[a, b], [c], null, []]}          | [a, b, c]",
            "{list_concat_unique: [[a, b, a], [c, b]]}       | [a, c, b]",
            "{contains: [a, [a, b]]}                         | true",
            "{contains: [3, [1, 2]]}                         | false",
            "{contains: [ell, hello]}                        | true",
            "{contains: [{get_param: name}, [db, web]]}      | true"})
    void listFunctions(String snippet, String expected) {
        assertThat(String.valueOf(eval(snippet))).isEqualTo(expected);
    }

    @Test
    void listFunctionsCheckTheirArguments() {
        assertParseFails(Hot.withOutput("2017-09-01", "{filter: [[a]]}")).hasMessage(
                "outputs.out.value.filter: \"filter\" expected 2 arguments of the form [values, sequence] but got 1 "
                        + "arguments instead");
        assertEvalFails("2017-09-01", "{filter: [[a], abc]}").hasMessage("\"filter\" only works with lists");
        assertEvalFails("2017-09-01", "{list_concat: [[a], b]}")
                .hasMessage("Incorrect arguments: Items to concat must be lists.");
        assertParseFails(Hot.withOutput("2017-09-01", "{contains: [a]}")).hasMessage(
                "outputs.out.value.contains: Arguments to \"contains\" must be of the form: [value1, [value1, value2]]");
        assertEvalFails("2017-09-01", "{contains: [a, {k: v}]}")
                .hasMessage("Second argument to \"contains\" should be a sequence.");
    }
}
