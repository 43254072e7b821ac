package dev.overcast.core.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an operator's policy file: a YAML (or JSON) mapping of rule name to rule text, the
 * format oslo.policy's {@code policy.yaml} uses. An empty file overrides nothing. Unlike
 * oslo, a repeated rule name, a rule with no text (oslo would allow everyone) and the old
 * list-of-lists form are refused.
 */
final class PolicyFile {
    private PolicyFile() {
    }

    static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("policy file " + file + " does not exist");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy file " + file + " cannot be read: " + e, e);
        }
        Object document;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("policy file " + file + " is not valid YAML or JSON: " + e.getMessage(), e);
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("policy file " + file
                    + " must map rule names to rule text, but holds " + describe(document));
        }
        var rules = new LinkedHashMap<String, String>();
        entries.forEach((name, rule) -> {
            if (!(name instanceof String ruleName)) {
                throw new IllegalArgumentException("policy file " + file + ": rule name " + name + " is not a string");
            }
            if (!(rule instanceof String ruleText)) {
                throw new IllegalArgumentException("policy file " + file + ": rule \"" + ruleName
                        + "\" must be a string of rule text, but is " + describe(rule)
                        + "; write \"\" or \"@\" to allow everyone, \"!\" to allow no one");
            }
            rules.put(ruleName, ruleText);
        });
        return rules;
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "empty";
            case List<?> ignored -> "a list";
            case Map<?, ?> ignored -> "a mapping";
            default -> "the " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
        };
    }
}
