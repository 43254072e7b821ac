package dev.overcast.orchestration.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

import dev.overcast.orchestration.template.functions.Py;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads template and environment text the way Heat's {@code template_format} does.
 *
 * <p>Text that starts with <code>{</code> is JSON (falling back to YAML, as Heat does); anything
 * else is YAML 1.1 through a safe loader in which timestamps stay strings, so that
 * {@code heat_template_version: 2016-10-14} reads as the string Heat sees, not a date. Map keys
 * become strings (Python's {@code str()} of the key) so the tree is uniform.
 */
public final class TemplateFormat {

    /** Heat's default {@code max_template_size}, in characters. */
    public static final int DEFAULT_MAX_TEMPLATE_SIZE = 524_288;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateFormat() {
    }

    /**
     * Parses a template with Heat's default size limit.
     *
     * @return the template's top-level mapping
     * @throws TemplateException with Heat's message when too big, unreadable, not a mapping or
     *                           without a version key
     */
    public static Map<String, Object> parseTemplate(String text) {
        return parseTemplate(text, DEFAULT_MAX_TEMPLATE_SIZE);
    }

    /** As {@link #parseTemplate(String)} with a given {@code max_template_size}. */
    public static Map<String, Object> parseTemplate(String text, int maxTemplateSize) {
        int length = text.codePointCount(0, text.length());
        if (length > maxTemplateSize) {
            throw new TemplateException(TemplateException.Type.RequestLimitExceeded,
                    "Request limit exceeded: Template size (" + length + " bytes) exceeds maximum allowed size ("
                            + maxTemplateSize + " bytes).");
        }
        String stripped = text.strip();
        Object tree = stripped.startsWith("{") ? parseJsonOrYaml(stripped) : parseYaml(stripped);
        if (tree == null) {
            tree = new LinkedHashMap<String, Object>();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw invalid("The template is not a JSON object or YAML mapping.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) map;
        if (!template.containsKey(TemplateVersion.KEY) && !template.containsKey("HeatTemplateFormatVersion")
                && !template.containsKey("AWSTemplateFormatVersion")) {
            throw invalid("Template format version not found.");
        }
        return template;
    }

    /**
     * Parses an environment file as Heat's {@code environment_format} does (YAML; empty is an
     * empty mapping).
     *
     * @throws TemplateException when unreadable or not a mapping
     */
    public static Map<String, Object> parseEnvironment(String text) {
        Object tree;
        try {
            tree = text == null ? null : normalise(yaml().load(text));
        } catch (YAMLException e) {
            throw new TemplateException(TemplateException.Type.InvalidEnvironment, e.getMessage());
        }
        if (tree == null) {
            return new LinkedHashMap<>();
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                    "The environment is not a valid YAML mapping data type.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) tree;
        return env;
    }

    private static Object parseJsonOrYaml(String text) {
        try {
            return normalise(JSON.readValue(text, Object.class));
        } catch (JacksonException e) {
            return parseYaml(text);
        }
    }

    private static Object parseYaml(String text) {
        try {
            return normalise(yaml().load(text));
        } catch (YAMLException e) {
            throw invalid("Error parsing template [root stack] " + e.getMessage());
        }
    }

    private static TemplateException invalid(String message) {
        return new TemplateException(TemplateException.Type.InvalidTemplate, message);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        return new Yaml(new HeatConstructor(options));
    }

    /** Keys to strings, containers to mutable ordered collections. */
    private static Object normalise(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(Py.str(k), normalise(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(normalise(item)));
            return out;
        }
        return node;
    }

    /** A safe constructor in which timestamps stay strings, as in Heat's YAML loader. */
    private static final class HeatConstructor extends SafeConstructor {
        HeatConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
