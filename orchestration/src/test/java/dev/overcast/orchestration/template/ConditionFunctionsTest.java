package dev.overcast.orchestration.template;

import static dev.overcast.orchestration.template.Hot.assertParseFails;
import static dev.overcast.orchestration.template.Hot.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionFunctionsTest {

    private static final String TEMPLATE = """
            heat_template_version: 2021-04-16
            parameters:
              env: {type: string, default: prod}
              zones: {type: comma_delimited_list, default: "a,b"}
            conditions:
              is_prod: {equals: [{get_param: env}, prod]}
              is_dev: {not: is_prod}
              both: {and: [is_prod, true]}
              either: {or: [is_dev, {equals: [1, 1.0]}]}
              has_b: {contains: [b, {get_param: zones}]}
              chosen: {if: [is_prod, true, false]}
            resources:
              prod_only: {type: OS::Heat::None, condition: is_prod}
              dev_only: {type: OS::Heat::None, condition: is_dev}
              inline: {type: OS::Heat::None, condition: {not: is_dev}}
            outputs:
              size: {value: {if: [is_prod, large, small]}}
              prod_out: {value: prod, condition: is_prod}
              dev_out: {value: dev, condition: is_dev}
            """;

    @Test
    void conditionsEvaluateWithTheBoundParameters() {
        assertThat(parse(TEMPLATE).conditions()).isEqualTo(Map.of("is_prod", true, "is_dev", false, "both", true,
                "either", true, "has_b", true, "chosen", true));
        assertThat(parse(TEMPLATE, Map.of("env", "dev")).conditions()).containsEntry("is_prod", false)
                .containsEntry("is_dev", true);
    }

    @Test
    void aResourceWhoseConditionIsFalseIsLeftOut() {
        assertThat(parse(TEMPLATE).resources()).containsOnlyKeys("prod_only", "inline");
        assertThat(parse(TEMPLATE, Map.of("env", "dev")).resources()).containsOnlyKeys("dev_only");
        assertThat(parse(TEMPLATE).allResourceNames()).containsExactly("prod_only", "dev_only", "inline");
    }

    @Test
    void ifChoosesABranchAndAnOutputWhoseConditionIsFalseIsNull() {
        Template prod = parse(TEMPLATE);
        assertThat(prod.outputs().get("size").resolve(new Hot.FakeRuntime())).isEqualTo("large");
        assertThat(prod.outputs().get("dev_out").enabled()).isFalse();
        assertThat(prod.outputs().get("dev_out").resolve(new Hot.FakeRuntime())).isNull();
        assertThat(parse(TEMPLATE, Map.of("env", "dev")).outputs().get("size").resolve(new Hot.FakeRuntime()))
                .isEqualTo("small");
    }

    @Test
    void theBranchNotTakenMayReferToAResourceThatIsLeftOut() {
        Template t = parse("""
                heat_template_version: 2016-10-14
                parameters:
                  with_volume: {type: boolean, default: false}
                conditions:
                  volume_wanted: {get_param: with_volume}
                resources:
                  volume: {type: OS::Cinder::Volume, condition: volume_wanted}
                  server:
                    type: OS::Nova::Server
                    properties:
                      block: {if: [volume_wanted, {get_resource: volume}, none]}
                """);
        assertThat(t.resource("server").resolveProperties(new Hot.FakeRuntime())).containsEntry("block", "none");
        assertThat(t.dependencies().requires("server")).isEmpty();
    }

    @Test
    void ifWithoutAFalseBranchLeavesThePropertyOutFrom2021_04_16() {
        Template t = parse("""
                heat_template_version: 2021-04-16
                conditions:
                  no: false
                resources:
                  server:
                    type: OS::Nova::Server
                    properties:
                      name: web
                      key_name: {if: [no, mykey]}
                      networks: [{network: a}, {if: [no, {network: b}]}]
                """);
        assertThat(t.resource("server").resolveProperties(new Hot.FakeRuntime()))
                .isEqualTo(Map.of("name", "web", "networks", List.of(Map.of("network", "a"))));
    }

    @Test
    void ifNeedsThreeArgumentsBefore2021_04_16() {
        assertParseFails("""
                heat_template_version: 2018-08-31
                conditions: {c: true}
                outputs:
                  o: {value: {if: [c, x]}}
                """).hasMessage("outputs.o.value.if: Arguments to \"if\" must be of the form: "
                + "[condition_name, value_if_true, value_if_false]");
    }

    @Test
    void anUnknownConditionNameIsInvalid() {
        assertParseFails("""
                heat_template_version: 2016-10-14
                resources:
                  r: {type: OS::Heat::None, condition: nope}
                """).hasMessage("resources.r.condition: Invalid condition \"nope\"");
        assertParseFails("""
                heat_template_version: 2016-10-14
                outputs:
                  o: {value: {if: [nope, a, b]}}
                """).hasMessage("outputs.o.value.if: Invalid condition \"nope\"");
    }

    @Test
    void aConditionThatIsNotABooleanOrAFunctionIsInvalid() {
        assertParseFails("""
                heat_template_version: 2016-10-14
                conditions:
                  c: some text
                """).hasMessage("Condition validation error: The definition of condition \"c\" is invalid: some text");
    }

    @Test
    void aCircularConditionIsFound() {
        assertParseFails("""
                heat_template_version: 2016-10-14
                conditions:
                  a: {not: b}
                  b: {not: a}
                resources:
                  r: {type: OS::Heat::None, condition: a}
                """).hasMessage("Condition validation error: Circular definition for condition \"a\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2016-10-14 | {get_attr: [r, x]}        | conditions.c.get_attr: The function \"get_attr\" is invalid in this context",
            "2016-10-14 | {contains: [a, [a]]}      | The template version is invalid: The function contains is not supported in this version of HOT.",
            "2017-09-01 | {if: [true, true, false]} | conditions.c.if: The function \"if\" is invalid in this context",
            "2016-10-14 | {and: [true]}             | conditions.c.and: The minimum number of condition arguments to \"and\" is 2.",
            "2016-10-14 | {or: true}                | conditions.c.or: Arguments to \"or\" must be a list of conditions",
            "2016-10-14 | {not: null}               | conditions.c.not: Argument to \"not\" must be a condition",
            "2016-10-14 | {equals: [a]}             | conditions.c.equals: Arguments to \"equals\" must be of the form: [value_1, value_2]"})
    void conditionFunctionsAreCheckedPerVersion(String version, String definition, String message) {
        assertParseFails("""
                heat_template_version: %s
                conditions:
                  c: %s
                resources:
                  r: {type: OS::Heat::None, condition: c}
                """.formatted(version, definition)).hasMessage(message);
    }

    @Test
    void anUnusedInvalidConditionIsNotEvaluatedAsInHeat() {
        Template t = parse("""
                heat_template_version: 2016-10-14
                conditions:
                  unused: {not: nothing_of_that_name}
                """);
        assertThat(t.resources()).isEmpty();
    }

    @Test
    void dependsOnAResourceThatIsLeftOutIsDropped() {
        Template t = parse("""
                heat_template_version: 2016-10-14
                conditions: {off: false}
                resources:
                  a: {type: OS::Heat::None, condition: off}
                  b: {type: OS::Heat::None, depends_on: [a]}
                """);
        assertThat(t.resource("b").dependsOn()).isEmpty();
    }
}
