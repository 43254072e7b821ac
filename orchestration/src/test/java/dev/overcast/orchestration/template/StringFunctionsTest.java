package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertEvalFails;
import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static dev.overcast.orchestration.template.Hot.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFunctionsTest {

    @Test
    void strReplaceSubstitutesEveryParam() {
        assertThat(eval("""
                str_replace:
                  template: http://$host:$port/$path
                  params: {$host: example.com, $port: 8080, $path: {get_param: name}}
                """)).isEqualTo("http://example.com:8080/web");
    }

    @Test
    void strReplacePrefersLongerKeysAndNeverReplacesAReplacement() {
        assertThat(eval("""
                str_replace:
                  template: var varvar
                  params: {var: varvar, varvar: X}
                """)).isEqualTo("varvar X");
    }

    @Test
    void strReplaceWritesListsAndMapsAsSortedJsonFrom2015_10_15() {
        assertThat(eval("""
                str_replace:
                  template: "data=D"
                  params: {D: {b: [1, true], a: null}}
                """)).isEqualTo("data={\"a\": null, \"b\": [1, true]}");
        assertEvalFails("2015-04-30", """
                str_replace:
                  template: "data=D"
                  params: {D: [1]}
                """).hasMessage("\"str_replace\" params must be strings or numbers, param D is not valid");
    }

    @Test
    void strReplaceShowsBooleansAsPythonDoes() {
        assertThat(eval("{str_replace: {template: 'on=V', params: {V: {get_param: flag}}}}")).isEqualTo("on=True");
    }

    @Test
    void strReplaceNeedsTemplateAndParams() {
        assertParseFails(Hot.withOutput("2016-10-14", "{str_replace: {template: x}}"))
                .hasMessageStartingWith("outputs.out.value.str_replace: \"str_replace\" syntax should be str_replace:");
        assertParseFails(Hot.withOutput("2016-10-14", "{str_replace: [a]}"))
                .hasMessage("outputs.out.value.str_replace: Arguments to \"str_replace\" must be a map");
        assertParseFails(Hot.withOutput("2016-10-14", "{str_replace: {template: x, params: [a]}}"))
                .hasMessage("outputs.out.value.str_replace: \"str_replace\" parameters must be a mapping");
    }

    @Test
    void aFunctionThatNeedsNoEngineIsResolvedWhileValidatingSoItsErrorShowsWithItsPath() {
        Hot.assertParseFails(Hot.withOutput("2017-02-24", "{str_replace_strict: {template: 'a', params: {a: 1, b: 2}}}"))
                .hasMessage("outputs.out.value.str_replace_strict: The following params were not found in the template: b");
        Hot.assertParseFails("""
                heat_template_version: 2016-10-14
                resources:
                  r:
                    type: OS::Heat::Value
                    properties:
                      value: {list_join: [',', [{digest: [md5]}]]}
                """).hasMessage("resources.r.properties.value.list_join[1][0].digest: Function \"digest\" usage: "
                + "[\"<algorithm>\", \"<value>\"]");
    }

    @Test
    void aFunctionThatNeedsTheEngineIsResolvedLater() {
        Template t = Hot.parse(Hot.withOutput("2016-10-14", "{list_join: [',', [{get_attr: [volume, size]}]]}"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.outputs().get("out").resolve(new Hot.FakeRuntime()))
                .hasMessage("Items to join must be string, map or list not 10");
    }

    @Test
    void strReplaceStrictRefusesParamsNotInTheTemplate() {
        assertEvalFails("2017-02-24", "{str_replace_strict: {template: 'a b', params: {a: 1, zz: 2, c: 3}}}")
                .hasMessage("The following params were not found in the template: zz,c");
    }

    @Test
    void strReplaceVeryStrictRefusesEmptyValues() {
        assertThat(eval("2017-09-01", "{str_replace_vstrict: {template: 'a', params: {a: x}}}")).isEqualTo("x");
        assertEvalFails("2017-09-01", "{str_replace_vstrict: {template: 'a', params: {a: ''}}}").hasMessage(
                "str_replace_vstrict has an undefined or empty value for param a, must be a defined non-empty value");
        assertEvalFails("2017-09-01", "{str_replace_vstrict: {template: 'a', params: {a: []}}}").hasMessage(
                "str_replace_vstrict has an undefined or empty value for param a, must be a defined non-empty value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2016-10-14 | {list_join: [', ', [a, b, c]]}                 | a, b, c",
            "2016-10-14 | {list_join: ['-', [a], [b, c], []]}             | a-b-c",
            "2016-10-14 | {list_join: [',', [a, null, {k: v}, [1]]]}      | a,,{\"k\": \"v\"},[1]",
            "2016-10-14 | {list_join: [',', {get_param: zones}]}          | a,b",
            "2013-05-23 | {list_join: ['+', [x, y]]}                      | x+y",
            "2013-05-23 | {'Fn::Join': ['+', [x, y]]}                     | x+y"})
    void listJoinJoins(String version, String snippet, String expected) {
        assertThat(eval(version, snippet)).isEqualTo(expected);
    }

    @Test
    void listJoinChecksItsArguments() {
        assertParseFails(Hot.withOutput("2016-10-14", "{list_join: ','}")).hasMessage(
                "outputs.out.value.list_join: Incorrect arguments to \"list_join\" should be: "
                        + "\"list_join\" : [ \" \", [ \"str1\", \"str2\"] ...]");
        assertParseFails(Hot.withOutput("2014-10-16", "{list_join: [',', [a], [b]]}")).hasMessage(
                "outputs.out.value.list_join: Incorrect arguments to \"list_join\" should be: "
                        + "\"list_join\" : [ \" \", [ \"str1\", \"str2\"]]");
        assertEvalFails("2016-10-14", "{list_join: [',', abc]}").hasMessage("\"list_join\" must operate on a list");
        assertEvalFails("2016-10-14", "{list_join: [1, [a]]}").hasMessage("\"list_join\" delimiter must be a string");
        assertEvalFails("2014-10-16", "{list_join: [',', [a, 1]]}").hasMessage("Items to join must be strings not 1");
        assertEvalFails("2016-10-14", "{list_join: [',', [a, 1]]}")
                .hasMessage("Items to join must be string, map or list not 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{str_split: [',', 'a,b,c', 1]}    | b",
            "{str_split: [',', 'a,b,c', '2']}  | c",
            "{str_split: [',', 'a,b,c', -1]}   | c",
            "{str_split: ['::', 'x::y']}       | [x, y]",
            "{str_split: [',', 'a,,b']}        | [a, , b]"})
    void strSplitSplits(String snippet, String expected) {
        assertThat(String.valueOf(eval(snippet))).isEqualTo(expected);
    }

    @Test
    void strSplitChecksItsArguments() {
        String example = "\"str_split\" : [ \",\", \"apples,pears\", <index>]";
        assertParseFails(Hot.withOutput("2016-10-14", "{str_split: 'a,b'}"))
                .hasMessage("outputs.out.value.str_split: Incorrect arguments to \"str_split\" should be: " + example);
        assertEvalFails("2016-10-14", "{str_split: [',']}")
                .hasMessage("Incorrect arguments to \"str_split\" should be: " + example);
        assertEvalFails("2016-10-14", "{str_split: [',', 'a,b', 5]}")
                .hasMessage("Incorrect index to \"str_split\" should be between 0 and 1");
        assertEvalFails("2016-10-14", "{str_split: [',', 'a,b', x]}")
                .hasMessage("Incorrect index to \"str_split\" should be: " + example);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "md5    | 5d41402abc4b2a76b9719d911017c592",
            "sha1   | aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
            "sha256 | 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "SHA512 | 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"})
    void digestHashesTheValue(String algorithm, String hex) {
        assertThat(eval("{digest: [" + algorithm + ", hello]}")).isEqualTo(hex);
    }

    @Test
    void digestChecksItsArguments() {
        assertEvalFails("2016-10-14", "{digest: [md5]}").hasMessage("Function \"digest\" usage: [\"<algorithm>\", \"<value>\"]");
        assertEvalFails("2016-10-14", "{digest: [md5, 1]}").hasMessage("Argument to function \"digest\" must be a list of strings");
        assertEvalFails("2016-10-14", "{digest: [crc, x]}").hasMessageStartingWith("Algorithm must be one of {'md5', ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{make_url: {scheme: http, host: example.com, port: 8080, path: /a b/c, query: {q: 'x y', p: a/b}, fragment: top}} | http://example.com:8080/a%20b/c?q=x+y&p=a/b#top",
            "{make_url: {scheme: https, username: 'u@x', password: 'p:w', host: h, path: v1}}                                   | https://u%40x:p%3Aw@h/v1",
            "{make_url: {scheme: http, host: '::1', port: '80'}}                                                                | http://[::1]:80",
            "{make_url: {scheme: http, host: '[fd00::1]'}}                                                                      | http://[fd00::1]"})
    void makeUrlBuildsEscapedUrls(String snippet, String url) {
        assertThat(eval(snippet)).isEqualTo(url);
    }

    @Test
    void makeUrlChecksItsArguments() {
        assertParseFails(Hot.withOutput("2017-09-01", "{make_url: {scheme: http, colour: red}}"))
                .hasMessage("outputs.out.value.make_url: Invalid arguments to \"make_url\": colour");
        assertParseFails(Hot.withOutput("2017-09-01", "{make_url: {host: h, port: 70000}}"))
                .hasMessage("outputs.out.value.make_url: Invalid URL port 70000, must be in range 1-65535");
        assertParseFails(Hot.withOutput("2017-09-01", "{make_url: {host: [h]}}"))
                .hasMessage("outputs.out.value.make_url: The \"host\" argument to \"make_url\" must be a string");
        assertEvalFails("2017-09-01", "{make_url: {scheme: 'http:', host: h}}")
                .hasMessage("URL \"scheme\" should not contain ':'");
    }

    @Test
    void fnBase64AndFnSplitAndFnReplaceWorkIn2013_05_23() {
        assertThat(eval("2013-05-23", "{'Fn::Base64': abc}")).isEqualTo("abc");
        assertThat(eval("2013-05-23", "{'Fn::Split': [',', 'a,b']}")).isEqualTo(List.of("a", "b"));
        assertThat(eval("2013-05-23", "{'Fn::Replace': [{X: '1'}, 'aXb']}")).isEqualTo("a1b");
        assertThat(eval("2013-05-23", "{'Fn::Select': ['1', [a, b]]}")).isEqualTo("b");
        assertThat(eval("2013-05-23", "{'Ref': name}")).isEqualTo("web");
        assertThat(eval("2013-05-23", "{'Ref': server}")).isEqualTo("server-id");
    }
}
