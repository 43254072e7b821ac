package dev.overcast.orchestration.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds a template's version the way Heat's {@code get_version}/{@code get_template_class} do. */
final class VersionHeader {

    private static final List<String> VERSION_KEYS =
            List.of(TemplateVersion.KEY, "HeatTemplateFormatVersion", "AWSTemplateFormatVersion");

    private VersionHeader() {
    }

    static TemplateVersion of(Map<String, Object> template) {
        List<String> present = new ArrayList<>();
        for (String key : VERSION_KEYS) {
            if (template.get(key) instanceof String) {
                present.add(key);
            }
        }
        if (present.size() > 1) {
            throw TemplateException.invalidVersion("Ambiguous versions (" + String.join(", ", present) + ")");
        }
        if (present.isEmpty()) {
            throw TemplateException.invalidVersion("Template version was not provided");
        }
        String key = present.get(0);
        String value = (String) template.get(key);
        if (!key.equals(TemplateVersion.KEY)) {
            throw TemplateException.invalidVersion("\"" + key + ": " + value + "\". CloudFormation-compatible "
                    + "templates are not supported; use \"" + TemplateVersion.KEY + "\" (HOT)");
        }
        return TemplateVersion.fromValue(value).orElseThrow(() -> TemplateException.invalidVersion(
                "\"" + key + ": " + value + "\". \"" + key + "\" should be one of: "
                        + String.join(", ", TemplateVersion.acceptedValues())));
    }
}
