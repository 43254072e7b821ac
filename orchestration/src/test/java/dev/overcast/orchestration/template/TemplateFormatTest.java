package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFormatTest {

    @Test
    void anUnquotedDateStaysAString() {
        Map<String, Object> t = TemplateFormat.parseTemplate("heat_template_version: 2013-05-23");
        assertThat(t).containsEntry("heat_template_version", "2013-05-23");
    }

    @Test
    void datesInsideTheTemplateStayStringsToo() {
        Map<String, Object> t = TemplateFormat.parseTemplate("""
                heat_template_version: 2016-10-14
                description: 2020-01-02 10:11:12
                """);
        assertThat(t.get("description")).isEqualTo("2020-01-02 10:11:12");
    }

    @Test
    void yamlOnePointOneBooleansAndNumbersReadAsHeatReadsThem() {
        Map<String, Object> t = TemplateFormat.parseTemplate("""
                heat_template_version: 2016-10-14
                a: yes
                b: off
                c: 010
                d: 1.5
                """);
        assertThat(t).containsEntry("a", true).containsEntry("b", false).containsEntry("c", 8).containsEntry("d", 1.5);
    }

    @Test
    void aJsonTemplateIsRead() {
        Map<String, Object> t = TemplateFormat.parseTemplate("""
                {"heat_template_version": "2015-04-30", "resources": {"r": {"type": "OS::Heat::None"}}}
                """);
        assertThat(t.get("resources")).isEqualTo(Map.of("r", Map.of("type", "OS::Heat::None")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"just string", "[\"foo\" , \"bar\"]", "- a\n- b"})
    void somethingOtherThanAMappingIsRefusedAsHeatWordsIt(String text) {
        assertThatThrownBy(() -> TemplateFormat.parseTemplate(text))
                .hasMessage("The template is not a JSON object or YAML mapping.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "Parameters: {}\nResources: {}"})
    void aTemplateWithoutAVersionKeyIsRefused(String text) {
        assertThatThrownBy(() -> TemplateFormat.parseTemplate(text))
                .hasMessage("Template format version not found.");
    }

    @Test
    void aTemplateAboveTheSizeLimitIsRefusedWithItsSize() {
        String text = "heat_template_version: 2013-05-23\ndescription: " + "x".repeat(100);
        assertThatThrownBy(() -> TemplateFormat.parseTemplate(text, 50))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.RequestLimitExceeded))
                .hasMessage("Request limit exceeded: Template size (" + text.length()
                        + " bytes) exceeds maximum allowed size (50 bytes).");
    }

    @Test
    void brokenYamlNamesTheRootStack() {
        assertThatThrownBy(() -> TemplateFormat.parseTemplate("heat_template_version: 2013-05-23\n  bad: [1"))
                .hasMessageStartingWith("Error parsing template [root stack] ");
    }

    @Test
    void anEmptyEnvironmentIsAnEmptyMapping() {
        assertThat(TemplateFormat.parseEnvironment("")).isEmpty();
        assertThat(TemplateFormat.parseEnvironment(null)).isEmpty();
    }

    @Test
    void anEnvironmentThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> TemplateFormat.parseEnvironment("- a"))
                .hasMessage("The environment is not a valid YAML mapping data type.");
    }

    @Test
    void listsAndNestedMapsKeepTheirOrder() {
        Map<String, Object> t = TemplateFormat.parseTemplate("""
                heat_template_version: 2013-05-23
                z: {b: 1, a: 2}
                l: [3, 1, 2]
                """);
        assertThat(((Map<?, ?>) t.get("z")).keySet().stream().map(Object::toString).toList()).containsExactly("b", "a");
        assertThat(t.get("l")).isEqualTo(List.of(3, 1, 2));
    }
}
