package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.parameters.CustomConstraintResult;
import dev.overcast.orchestration.template.parameters.Parameters;

class ParametersTest {

    private static String template(String version, String parameters) {
        return "heat_template_version: " + version + "\nparameters:\n" + Hot.indent(parameters, 2) + "\n";
    }

    private static Parameters bind(String parameters, Map<String, Object> values) {
        return parse(template("2021-04-16", parameters), values).parameters();
    }

    private static void assertBindFails(String parameters, Map<String, Object> values, String message) {
        assertThatThrownBy(() -> bind(parameters, values)).isInstanceOf(TemplateException.class).hasMessage(message);
    }

    @Test
    void valuesAreReadAsTheirTypes() {
        Parameters p = bind("""
                s: {type: string}
                n: {type: number}
                f: {type: number}
                b: {type: boolean}
                l: {type: comma_delimited_list}
                j: {type: json}
                """, Map.of("s", 5, "n", "42", "f", "1.5", "b", "Yes", "l", "a,b,,c", "j", "{\"a\": [1, 2]}"));
        assertThat(p.value("s")).isEqualTo("5");
        assertThat(p.value("n")).isEqualTo(42);
        assertThat(p.value("f")).isEqualTo(1.5);
        assertThat(p.value("b")).isEqualTo(true);
        assertThat(p.value("l")).isEqualTo(List.of("a", "b", "", "c"));
        assertThat(p.value("j")).isEqualTo(Map.of("a", List.of(1, 2)));
    }

    @Test
    void aMissingValueIsHeatsUserParameterMissing() {
        assertThatThrownBy(() -> bind("key_name: {type: string}", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.UserParameterMissing))
                .hasMessage("The Parameter (key_name) was not provided.");
    }

    @Test
    void aValueForAParameterTheTemplateLacksIsRefused() {
        assertBindFails("a: {type: string, default: x}", Map.of("b", "y"),
                "The Parameter (b) was not defined in template.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{type: number}               | abc    | Parameter 'p' is invalid: could not convert string to float: 'abc'",
            "{type: boolean}              | maybe  | Parameter 'p' is invalid: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'",
            "{type: string, constraints: [{length: {min: 3}}]}                | ab     | Parameter 'p' is invalid: length (2) is out of range (min: 3, max: None)",
            "{type: number, constraints: [{range: {min: 1, max: 10}}]}       | 15     | Parameter 'p' is invalid: 15 is out of range (min: 1, max: 10)",
            "{type: number, constraints: [{range: {max: 10.5}}]}             | 11     | Parameter 'p' is invalid: 11 is out of range (min: None, max: 10.5)",
            "{type: number, constraints: [{modulo: {step: 2, offset: 1}}]}   | 4      | Parameter 'p' is invalid: 4 is not a multiple of 2 with an offset of 1",
            "{type: string, constraints: [{allowed_values: [m1.small, m1.large]}]} | m1.huge | Parameter 'p' is invalid: \"m1.huge\" is not an allowed value [m1.small, m1.large]",
            "{type: string, constraints: [{allowed_pattern: '[a-z]+'}]}      | 1abc   | Parameter 'p' is invalid: \"1abc\" does not match pattern \"[a-z]+\"",
            "{type: string, constraints: [{length: {max: 2}, description: Too long}]} | abc | Parameter 'p' is invalid: Too long",
            "{type: comma_delimited_list, constraints: [{allowed_values: [a, b]}]} | 'a,c' | Parameter 'p' is invalid: \"['a', 'c']\" is not an allowed value [a, b]",
            "{type: json, constraints: [{length: {max: 1}}]}                 | '{\"a\": 1, \"b\": 2}' | Parameter 'p' is invalid: length (2) is out of range (min: None, max: 1)"})
    void aValueThatBreaksItsTypeOrConstraintsIsRefusedAsHeatWordsIt(String definition, String value, String message) {
        assertBindFails("p: " + definition, Map.of("p", value), message);
    }

    @Test
    void aPatternMatchesAsPythonsReMatchDoesTakingTheFirstAlternative() {
        assertBindFails("p: {type: string, constraints: [{allowed_pattern: 'a|ab'}]}", Map.of("p", "ab"),
                "Parameter 'p' is invalid: \"ab\" does not match pattern \"a|ab\"");
    }

    @Test
    void numbersAreAllowedByValueNotByText() {
        assertThat(bind("p: {type: number, constraints: [{allowed_values: [1, 2]}]}", Map.of("p", "2")).value("p"))
                .isEqualTo(2);
    }

    @Test
    void invalidJsonIsRefused() {
        assertThatThrownBy(() -> bind("p: {type: json}", Map.of("p", "{not json")))
                .hasMessageStartingWith("Parameter 'p' is invalid: Value must be valid JSON: ");
    }

    @Test
    void aListParameterGivenANumberIsRefused() {
        assertBindFails("p: {type: comma_delimited_list}", Map.of("p", 5),
                "Parameter 'p' is invalid: Value must be a comma-delimited list string: 'int' object has no attribute 'split'");
    }

    @Test
    void aConstraintThatDoesNotFitTheTypeIsAnInvalidSchema() {
        assertThatThrownBy(() -> bind("p: {type: string, default: x, constraints: [{range: {min: 1}}]}", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.InvalidSchemaError))
                .hasMessage("Parameter 'p' is invalid: Range constraint invalid for String");
    }

    @Test
    void aDefaultThatBreaksTheConstraintsIsAnInvalidSchema() {
        assertBindFails("p: {type: number, default: 0, constraints: [{range: {min: 1}}]}", Map.of("p", 5),
                "Parameter 'p' is invalid: Invalid default 0 (0 is out of range (min: 1, max: None))");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021-04-16 | p: {default: x}                                       | Missing parameter type for parameter: p",
            "2021-04-16 | p: {type: integer}                                    | Invalid type (integer)",
            "2021-04-16 | p: {type: string, colour: red}                        | Invalid key 'colour' for parameter (p)",
            "2021-04-16 | p: text                                               | Invalid parameter (p), expected a mapping",
            "2021-04-16 | p: {type: string, constraints: {length: {min: 1}}}    | Invalid parameter constraints for parameter p, expected a list",
            "2021-04-16 | p: {type: string, constraints: [{description: x}]}    | No constraint expressed",
            "2021-04-16 | p: {type: string, constraints: [{size: 1}]}           | Invalid key 'size' for parameter constraints",
            "2021-04-16 | p: {type: number, constraints: [{range: {min: a}}]}   | min/max must be numeric",
            "2021-04-16 | p: {type: number, constraints: [{range: {}}]}         | A range constraint must have a min value and/or a max value specified.",
            "2021-04-16 | p: {type: string, constraints: [{length: {min: 1.5}}]} | min/max length must be integral",
            "2021-04-16 | p: {type: string, constraints: [{length: {low: 1}}]}  | Invalid key 'low' for length constraint",
            "2021-04-16 | p: {type: number, constraints: [{modulo: {step: 0, offset: 0}}]} | step cannot be 0.",
            "2021-04-16 | p: {type: number, constraints: [{modulo: {step: 2, offset: 3}}]} | offset must be smaller (by absolute value) than step.",
            "2021-04-16 | p: {type: number, constraints: [{modulo: {step: 2}}]} | A modulo constraint must have a step value and an offset value specified.",
            "2016-10-14 | p: {type: number, constraints: [{modulo: {step: 2, offset: 0}}]} | No constraint expressed",
            "2017-09-01 | p: {type: string, tags: [a]}                          | Invalid key 'tags' for parameter (p)",
            "2021-04-16 | p: {type: string, tags: a}                            | Tags property should be a list for parameter: p",
            "2021-04-16 | p: {type: string, constraints: [{allowed_values: a}]} | AllowedValues must be a list"})
    void aBadParameterDefinitionIsRefusedAsHeatWordsIt(String version, String definition, String message) {
        assertThatThrownBy(() -> parse(template(version, definition), Map.of()))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.InvalidSchemaError))
                .hasMessage(message);
    }

    @Test
    void customConstraintsAskTheLookup() {
        String text = template("2021-04-16", "flavor: {type: string, constraints: [{custom_constraint: nova.flavor}]}");
        TemplateInput input = TemplateInput.of(text).withConstraints((name, value) ->
                "m1.small".equals(value) ? new CustomConstraintResult.Valid()
                        : new CustomConstraintResult.Invalid("Error validating value '" + value
                        + "': The Flavor ID (" + value + ") could not be found."));
        assertThat(Template.parse(input.withParameters(Map.of("flavor", "m1.small"))).parameters().value("flavor"))
                .isEqualTo("m1.small");
        assertThatThrownBy(() -> Template.parse(input.withParameters(Map.of("flavor", "m1.huge")))).hasMessage(
                "Parameter 'flavor' is invalid: Error validating value 'm1.huge': The Flavor ID (m1.huge) could not be found.");
    }

    @Test
    void anUnknownCustomConstraintFailsTheValue() {
        assertBindFails("p: {type: string, constraints: [{custom_constraint: nova.colour}]}", Map.of("p", "red"),
                "Parameter 'p' is invalid: \"red\" does not validate nova.colour (constraint not found)");
    }

    @Test
    void userValuesBeatParameterDefaultsWhichBeatTemplateDefaults() {
        String text = template("2021-04-16", """
                a: {type: string, default: template}
                b: {type: string, default: template}
                c: {type: string, default: template}
                """);
        Environment env = Environment.parse("""
                parameters: {a: user}
                parameter_defaults: {a: env, b: env, unknown: ignored}
                """);
        Parameters p = parse(text, env).parameters();
        assertThat(p.rawValues()).isEqualTo(Map.of("a", "user", "b", "env", "c", "template"));
    }

    @Test
    void hiddenValuesAreMaskedWhenShown() {
        Parameters p = bind("""
                password: {type: string, hidden: true}
                zones: {type: comma_delimited_list, default: [a, b]}
                """, Map.of("password", "s3cret"));
        assertThat(p.display()).containsEntry("password", "******").containsEntry("zones", "a,b")
                .containsKeys("OS::stack_id", "OS::project_id").doesNotContainKey("OS::stack_name");
        assertThat(p.value("password")).isEqualTo("s3cret");
    }

    @Test
    void anImmutableParameterChangedByAnUpdateIsReported() {
        String text = template("2021-04-16", """
                size: {type: number, immutable: true}
                name: {type: string}
                """);
        Parameters before = parse(text, Map.of("size", 1, "name", "a")).parameters();
        Parameters after = parse(text, Map.of("size", "2", "name", "b")).parameters();
        Parameters same = parse(text, Map.of("size", "1.0", "name", "c")).parameters();
        assertThat(before.immutableChanged(after)).containsExactly("size");
        assertThat(before.immutableChanged(same)).isEmpty();
    }

    static Stream<Arguments> seededNumbers() {
        Random random = new Random(20261201);
        return IntStream.range(0, 40).mapToObj(i -> {
            int min = random.nextInt(100) - 50;
            int max = min + random.nextInt(50);
            int value = random.nextInt(200) - 100;
            return Arguments.of(min, max, value);
        });
    }

    @ParameterizedTest
    @MethodSource("seededNumbers")
    void aNumberIsAcceptedExactlyWhenItIsInRange(int min, int max, int value) {
        String def = "p: {type: number, constraints: [{range: {min: %d, max: %d}}]}".formatted(min, max);
        if (value >= min && value <= max) {
            assertThat(bind(def, Map.of("p", String.valueOf(value))).value("p")).isEqualTo(value);
        } else {
            assertBindFails(def, Map.of("p", String.valueOf(value)),
                    "Parameter 'p' is invalid: %d is out of range (min: %d, max: %d)".formatted(value, min, max));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{label: a, parameters: [x, nope]}] | Parameter Groups error: parameter_groups.a: The grouped parameter nope does not reference a valid parameter.",
            "[{label: a, parameters: [x]}, {label: b, parameters: [x]}] | Parameter Groups error: parameter_groups.b: The x parameter must be assigned to one parameter group only.",
            "[{label: a}]                          | Parameter Groups error: parameter_groups.a: The parameters must be provided for each parameter group.",
            "[{parameters: x}]                     | Parameter Groups error: parameter_groups.: The parameters of parameter group should be a list.",
            "{a: b}                                | Parameter Groups error: parameter_groups: The parameter_groups should be a list."})
    void parameterGroupsAreCheckedAsHeatChecksThem(String groups, String message) {
        assertThatThrownBy(() -> parse("""
                heat_template_version: 2016-10-14
                parameter_groups: %s
                parameters:
                  x: {type: string, default: a}
                """.formatted(groups))).hasMessage(message);
    }
}
