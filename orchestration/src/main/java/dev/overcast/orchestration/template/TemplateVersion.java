package dev.overcast.orchestration.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HOT versions Heat accepts in {@code heat_template_version}, oldest first, with what each
 * adds to the sections a template may have. Which function exists in which version is in
 * {@link dev.overcast.orchestration.template.functions.FunctionTable}.
 */
public enum TemplateVersion {
    V2013_05_23("2013-05-23", null),
    V2014_10_16("2014-10-16", null),
    V2015_04_30("2015-04-30", null),
    V2015_10_15("2015-10-15", null),
    V2016_04_08("2016-04-08", null),
    V2016_10_14("2016-10-14", "newton"),
    V2017_02_24("2017-02-24", "ocata"),
    V2017_09_01("2017-09-01", "pike"),
    V2018_03_02("2018-03-02", "queens"),
    V2018_08_31("2018-08-31", "rocky"),
    V2021_04_16("2021-04-16", "wallaby");

    /** The key holding the version in a HOT template. */
    public static final String KEY = "heat_template_version";

    private final String date;
    private final String releaseName;

    TemplateVersion(String date, String releaseName) {
        this.date = date;
        this.releaseName = releaseName;
    }

    /** @return the version's date, e.g. {@code 2016-10-14} */
    public String date() {
        return date;
    }

    /** @return the OpenStack release name that also names this version, if any */
    public Optional<String> releaseName() {
        return Optional.ofNullable(releaseName);
    }

    /** @return the name Heat's {@code GET /template_versions} shows, e.g. {@code heat_template_version.2016-10-14} */
    public String apiName() {
        return KEY + "." + date;
    }

    /** @return the aliases {@code GET /template_versions} shows, e.g. {@code heat_template_version.newton} */
    public List<String> apiAliases() {
        return releaseName().map(name -> List.of(KEY + "." + name)).orElse(List.of());
    }

    /**
     * @return the version an API path names ({@code heat_template_version.2016-10-14} or its alias),
     *         as in {@code GET /template_versions/{version}/functions}
     */
    public static Optional<TemplateVersion> fromApiName(String name) {
        String prefix = KEY + ".";
        return name.startsWith(prefix) ? fromValue(name.substring(prefix.length())) : Optional.empty();
    }

    /** @return whether this version is {@code other} or newer */
    public boolean atLeast(TemplateVersion other) {
        return compareTo(other) >= 0;
    }

    /** @return the version a {@code heat_template_version} value names, if it names one */
    public static Optional<TemplateVersion> fromValue(String value) {
        return Arrays.stream(values())
                .filter(v -> v.date.equals(value) || value.equals(v.releaseName))
                .findFirst();
    }

    /** @return every accepted value, sorted as Heat lists them in its error message */
    public static List<String> acceptedValues() {
        List<String> all = new ArrayList<>();
        for (TemplateVersion v : values()) {
            all.add(v.date);
            v.releaseName().ifPresent(all::add);
        }
        all.sort(null);
        return all;
    }

    /** @return the top-level sections a template of this version may have */
    public Set<String> sections() {
        return atLeast(V2016_10_14)
                ? Set.of(KEY, "description", "parameter_groups", "parameters", "resources", "outputs", "conditions")
                : Set.of(KEY, "description", "parameter_groups", "parameters", "resources", "outputs");
    }

    /** @return whether the {@code conditions} section and {@code condition} keys exist */
    public boolean hasConditions() {
        return atLeast(V2016_10_14);
    }

    /** @return the keys a resource definition may have, in Heat's order */
    public List<String> resourceKeys() {
        List<String> keys = new ArrayList<>(List.of("type", "properties", "metadata", "depends_on",
                "deletion_policy", "update_policy", "description"));
        if (hasConditions()) {
            keys.addAll(List.of("external_id", "condition"));
        }
        return keys;
    }

    /** @return the keys an output definition may have */
    public List<String> outputKeys() {
        return hasConditions() ? List.of("description", "value", "condition") : List.of("description", "value");
    }

    /** @return the keys a parameter definition may have */
    public List<String> parameterKeys() {
        List<String> keys = new ArrayList<>(List.of("type", "description", "default", "schema", "constraints",
                "hidden", "label", "immutable"));
        if (atLeast(V2018_03_02)) {
            keys.add("tags");
        }
        return keys;
    }

    /** @return whether the {@code modulo} parameter constraint exists */
    public boolean hasModuloConstraint() {
        return atLeast(V2017_02_24);
    }

    /** @return the accepted deletion policies (lower-case aliases from 2016-10-14) */
    public Set<String> deletionPolicies() {
        return hasConditions()
                ? Set.of("Delete", "Retain", "Snapshot", "delete", "retain", "snapshot")
                : Set.of("Delete", "Retain", "Snapshot");
    }

    @Override
    public String toString() {
        return date;
    }
}
