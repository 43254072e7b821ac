package dev.overcast.orchestration.template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.orchestration.template.functions.Py;

/** Heat's checks of the {@code resources} and {@code outputs} sections' shape. */
final class Sections {

    private Sections() {
    }

    /**
     * Heat's {@code validate_section}: every entry a non-empty map with only allowed keys and the
     * required one.
     *
     * @param section     {@code resources} or {@code outputs}
     * @param required    {@code type} or {@code value}
     * @param data        the section as written
     * @param allowedKeys the version's keys
     * @return the section (empty when absent)
     */
    static Map<String, Object> validate(String section, String required, Object data, List<String> allowedKeys) {
        if (!Py.truthy(data)) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw TemplateException.validation("The \"" + section + "\" section must be a map. Found a ["
                    + Py.typeName(data) + "] instead");
        }
        String object = section.substring(0, section.length() - 1);
        String missing = "Each " + object + " must contain a " + required + " key.";
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(Py.str(k), v));
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            Object attrs = e.getValue();
            if (!Py.truthy(attrs)) {
                throw TemplateException.validation(missing);
            }
            if (!(attrs instanceof Map<?, ?> entry)) {
                throw TemplateException.validation("\"" + section + "\" must contain a map of " + object
                        + " maps. Found a [" + Py.typeName(attrs) + "] instead");
            }
            for (Object key : entry.keySet()) {
                if (!allowedKeys.contains(key)) {
                    throw TemplateException.validation("\"" + key + "\" is not a valid keyword inside a " + object
                            + " definition");
                }
            }
            if (!entry.containsKey(required)) {
                throw TemplateException.validation(missing);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) map;
        return result;
    }
}
