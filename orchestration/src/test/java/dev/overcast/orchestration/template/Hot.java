package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;

import dev.overcast.orchestration.template.environment.Environment;

/** Test helpers: templates from text, snippets evaluated, errors asserted. */
final class Hot {

    private Hot() {
    }

    static Template parse(String text) {
        return Template.parse(TemplateInput.of(text));
    }

    static Template parse(String text, Map<String, Object> parameters) {
        return Template.parse(TemplateInput.of(text).withParameters(parameters));
    }

    static Template parse(String text, Environment environment) {
        return Template.parse(TemplateInput.of(text).withEnvironment(environment));
    }

    /**
     * A template of {@code version} with parameters and resources {@code server} and
     * {@code volume}, whose only output's value is {@code snippet} (YAML, any indentation-free form).
     */
    static String withOutput(String version, String snippet) {
        return """
                heat_template_version: %s
                parameters:
                  name: {type: string, default: web}
                  count: {type: number, default: 3}
                  zones: {type: comma_delimited_list, default: "a,b"}
                  config: {type: json, default: {"k": "v", "n": {"m": [1, 2]}}}
                  flag: {type: boolean, default: true}
                resources:
                  server: {type: OS::Nova::Server}
                  volume: {type: OS::Cinder::Volume}
                outputs:
                  out:
                    value:
                %s
                """.formatted(version, indent(snippet, 6));
    }

    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return String.join("\n", text.strip().lines().map(l -> pad + l).toList());
    }

    /** Evaluates {@code snippet} in a template of {@code version} against {@link FakeRuntime}. */
    static Object eval(String version, String snippet) {
        return parse(withOutput(version, snippet)).outputs().get("out").resolve(new FakeRuntime());
    }

    static Object eval(String snippet) {
        return eval("2021-04-16", snippet);
    }

    /**
     * Asserts on the error a function gives when the engine resolves it. The template is parsed as
     * for {@code template validate}, which does not resolve functions early; otherwise the same
     * error would show at parse time, prefixed with the function's path.
     */
    static AbstractThrowableAssert<?, ? extends Throwable> assertEvalFails(String version, String snippet) {
        Template template = Template.parse(TemplateInput.of(withOutput(version, snippet)).forValidation());
        return assertThatThrownBy(() -> template.outputs().get("out").resolve(new FakeRuntime()))
                .isInstanceOf(TemplateException.class);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertParseFails(String text) {
        return assertThatThrownBy(() -> parse(text)).isInstanceOf(TemplateException.class);
    }

    /** A resolution context with made-up ids and attributes. */
    static final class FakeRuntime implements ResolutionContext {
        private final Map<String, Map<String, Object>> attributes = Map.of(
                "server", Map.of("first_address", "10.0.0.5",
                        "networks", Map.of("private", List.of("10.0.0.5", "fd00::5")),
                        "show", Map.of("name", "web-1")),
                "volume", Map.of("size", 10));

        @Override
        public String resourceRef(String resourceName) {
            return resourceName + "-id";
        }

        @Override
        public Object attribute(String resourceName, String attributeName, List<Object> path) {
            String known = resourceName.startsWith("server") ? "server" : resourceName;
            Object value = attributes.getOrDefault(known, Map.of()).get(attributeName);
            return AttributePath.select(value, path);
        }

        @Override
        public Map<String, Object> allAttributes(String resourceName) {
            return attributes.get(resourceName);
        }
    }
}
