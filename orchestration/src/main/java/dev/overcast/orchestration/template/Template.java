package dev.overcast.orchestration.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.environment.EnvironmentMerger;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.SnippetParser;
import dev.overcast.orchestration.template.functions.Snippets;
import dev.overcast.orchestration.template.functions.ValidationScope;
import dev.overcast.orchestration.template.parameters.ParameterGroups;
import dev.overcast.orchestration.template.parameters.ParameterSchema;
import dev.overcast.orchestration.template.parameters.ParameterType;
import dev.overcast.orchestration.template.parameters.Parameters;

/**
 * A parsed, validated HOT template with its parameters bound: the entry point of the template
 * layer.
 *
 * <p>Parsing follows Heat's order and messages: read the text; find the version; check the
 * top-level sections and the shape of {@code resources}; parse the parameter schemata; merge the
 * environments (which needs the parameter types); bind and validate the parameters; check
 * {@code parameter_groups}; parse the conditions; parse resources (leaving out those whose
 * condition is false, and expanding {@code if} so that only the chosen branch is parsed) and
 * outputs; validate every reference; build the dependency graph, refusing cycles.
 *
 * <p>What only an engine knows (resource ids, attributes) stays unresolved in the definitions;
 * {@link ResourceDefinition#resolveProperties} and {@link OutputDefinition#resolve} resolve it
 * against a {@link ResolutionContext}.
 */
public final class Template {

    private final Map<String, Object> raw;
    private final TemplateVersion version;
    private final Environment environment;
    private final Parameters parameters;
    private final ConditionSet conditions;
    private final Map<String, ResourceDefinition> resources;
    private final Set<String> allResourceNames;
    private final Map<String, OutputDefinition> outputs;
    private final DependencyGraph graph;
    private final Map<String, String> files;

    private Template(Builder b) {
        this.raw = b.raw;
        this.version = b.version;
        this.environment = b.environment;
        this.parameters = b.parameters;
        this.conditions = b.conditions;
        this.resources = b.resources;
        this.allResourceNames = b.allResourceNames;
        this.outputs = b.outputs;
        this.graph = b.graph;
        this.files = b.files;
    }

    /**
     * Parses and validates a template.
     *
     * @throws TemplateException with Heat's type and message for anything wrong
     */
    public static Template parse(TemplateInput input) {
        Builder b = new Builder();
        b.files = Map.copyOf(input.files());
        b.raw = TemplateFormat.parseTemplate(input.text());
        b.version = VersionHeader.of(b.raw);
        for (String section : b.raw.keySet()) {
            if (!b.version.sections().contains(section)) {
                throw new TemplateException(TemplateException.Type.InvalidTemplateSection,
                        "The template section is invalid: " + section);
            }
        }
        Map<String, Object> resourceSection =
                Sections.validate("resources", "type", b.raw.get("resources"), b.version.resourceKeys());
        Map<String, ParameterSchema> schemata = schemata(b.raw.get("parameters"), b.version);
        Map<String, ParameterType> types = new LinkedHashMap<>();
        schemata.forEach((name, schema) -> types.put(name, schema.type()));
        b.environment = EnvironmentMerger.merge(input.environments(), types);
        b.parameters = input.valuesRequired()
                ? Parameters.bind(schemata, b.environment.parameters(), b.environment.parameterDefaults(),
                        input.pseudoParameters(), input.constraints())
                : Parameters.bindForValidation(schemata, b.environment.parameters(),
                        b.environment.parameterDefaults(), input.pseudoParameters(), input.constraints());
        ParameterGroups.validate(b.raw.get("parameter_groups"), schemata.keySet());

        TemplateContext context = new TemplateContext(b.version, b.parameters, b.files);
        SnippetParser parser = new SnippetParser(context, SnippetParser.Context.TEMPLATE);
        b.conditions = new ConditionSet(b.version.hasConditions() ? b.raw.get("conditions") : null);
        context.conditions(b.conditions);
        b.conditions.parseAll(parser.forConditions());

        ResourceParser.Parsed parsed = new ResourceParser(b.version, parser, b.conditions).parse(resourceSection);
        b.resources = Collections.unmodifiableMap(parsed.enabled());
        b.allResourceNames = Collections.unmodifiableSet(new LinkedHashSet<>(parsed.all().keySet()));
        b.outputs = Collections.unmodifiableMap(
                new OutputParser(b.version, parser, b.conditions).parse(b.raw.get("outputs")));
        validateReferences(b, input.valuesRequired());
        b.graph = graph(b.resources);
        return new Template(b);
    }

    /** As {@link #parse(TemplateInput)} for a template, its files, one environment and constraints. */
    public static Template parse(String text, Map<String, String> files, Environment environment,
                                 dev.overcast.orchestration.template.parameters.CustomConstraintLookup constraints) {
        return parse(TemplateInput.of(text).withFiles(files).withEnvironment(environment).withConstraints(constraints));
    }

    private static Map<String, ParameterSchema> schemata(Object section, TemplateVersion version) {
        Map<String, ParameterSchema> schemata = new LinkedHashMap<>();
        if (!Py.truthy(section)) {
            return schemata;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw TemplateException.invalidSchema("The parameters section must be a map.");
        }
        map.forEach((name, definition) -> schemata.put(Py.str(name),
                ParameterSchema.parse(Py.str(name), definition, version)));
        return schemata;
    }

    /**
     * Heat's order: names shared by a parameter and a resource; then every reference while the
     * dependencies are computed; then each resource's functions; then each output's.
     */
    private static void validateReferences(Builder b, boolean resolveStatic) {
        Set<String> names = b.resources.keySet();
        Set<String> shared = new java.util.TreeSet<>(b.parameters.schemata().keySet());
        shared.retainAll(names);
        if (!shared.isEmpty()) {
            throw TemplateException.validation("Duplicate names {"
                    + String.join(", ", shared.stream().map(Py::repr).toList()) + "}");
        }
        b.resources.forEach((name, d) -> {
            Snippets.checkReferences(d.properties(), names, name + ".Properties");
            Snippets.checkReferences(d.metadata(), names, name + ".Metadata");
        });
        ValidationScope scope = new ValidationScope(names, resolveStatic);
        b.resources.forEach((name, d) -> {
            Snippets.validate(d.properties(), scope, "resources." + name + ".properties");
            Snippets.validate(d.metadata(), scope, "resources." + name + ".metadata");
            Snippets.validate(d.updatePolicy(), scope, "resources." + name + ".update_policy");
        });
        b.outputs.values().forEach(o -> Snippets.validate(o.value(), scope, "outputs." + o.name() + ".value"));
    }

    private static DependencyGraph graph(Map<String, ResourceDefinition> resources) {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        resources.forEach((name, d) -> {
            Set<String> needs = new LinkedHashSet<>(d.dependencies());
            needs.retainAll(resources.keySet());
            requires.put(name, needs);
        });
        return DependencyGraph.of(requires);
    }

    /** @return the template as read (for storing it) */
    public Map<String, Object> raw() {
        return raw;
    }

    /** @return the template's HOT version */
    public TemplateVersion version() {
        return version;
    }

    /** @return the template's description (Heat shows "No description" when there is none) */
    public String description() {
        Object d = raw.get("description");
        return d == null ? "No description" : Py.str(d);
    }

    /** @return the merged environment the template was bound with */
    public Environment environment() {
        return environment;
    }

    /** @return the files map */
    public Map<String, String> files() {
        return files;
    }

    /** @return the bound parameters */
    public Parameters parameters() {
        return parameters;
    }

    /** @return the {@code parameter_groups} section as written (empty when absent) */
    public List<?> parameterGroups() {
        return raw.get("parameter_groups") instanceof List<?> groups ? groups : List.of();
    }

    /**
     * @return every condition's value
     * @throws TemplateException when a condition no resource uses is invalid
     */
    public Map<String, Boolean> conditions() {
        return conditions.evaluateAll();
    }

    /** @return the resources whose condition holds, by name, in template order */
    public Map<String, ResourceDefinition> resources() {
        return resources;
    }

    /** @return every resource name in the template, those a condition leaves out included */
    public Set<String> allResourceNames() {
        return allResourceNames;
    }

    /**
     * @return the resource of that name
     * @throws IllegalArgumentException when there is none (or its condition is false)
     */
    public ResourceDefinition resource(String name) {
        ResourceDefinition d = resources.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no resource " + name);
        }
        return d;
    }

    /**
     * @return what the resource's type means once the environment's registry is applied: a
     *         plugin type, a template resource (a file of {@link #files()}), or unregistered
     */
    public dev.overcast.orchestration.template.environment.ResolvedType resolvedType(String resourceName) {
        return environment.resourceRegistry().resolve(resource(resourceName).type(), resourceName);
    }

    /** @return the outputs by name, in template order */
    public Map<String, OutputDefinition> outputs() {
        return outputs;
    }

    /**
     * This template with more {@code depends_on} entries (the engine's implicit dependencies,
     * which depend on resource types): each named resource also requires the given ones. An
     * entry that would close a cycle is left out.
     */
    public Template withImplicitDependencies(Map<String, Set<String>> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, ResourceDefinition> defs = new LinkedHashMap<>(resources);
        DependencyGraph g = graph;
        for (Map.Entry<String, Set<String>> e : extra.entrySet()) {
            for (String needed : e.getValue()) {
                ResourceDefinition def = defs.get(e.getKey());
                if (def == null || !defs.containsKey(needed) || def.dependencies().contains(needed)) {
                    continue;
                }
                List<String> dependsOn = new java.util.ArrayList<>(def.dependsOn());
                dependsOn.add(needed);
                ResourceDefinition next = new ResourceDefinition(def.name(), def.type(), def.properties(),
                        def.metadata(), List.copyOf(dependsOn), def.deletionPolicy(), def.updatePolicy(),
                        def.description(), def.externalId(), def.condition());
                Map<String, ResourceDefinition> trial = new LinkedHashMap<>(defs);
                trial.put(next.name(), next);
                try {
                    g = graph(trial);
                    defs = trial;
                } catch (TemplateException cycle) {
                    // Heat would refuse the template; an implicit dependency is not worth that.
                }
            }
        }
        Builder b = new Builder();
        b.raw = raw;
        b.version = version;
        b.environment = environment;
        b.parameters = parameters;
        b.conditions = conditions;
        b.resources = Collections.unmodifiableMap(defs);
        b.allResourceNames = allResourceNames;
        b.outputs = outputs;
        b.graph = g;
        b.files = files;
        return new Template(b);
    }

    /** @return the dependency graph of the enabled resources */
    public DependencyGraph dependencies() {
        return graph;
    }

    /** Collects the fields while parsing, so the template itself is immutable. */
    private static final class Builder {
        Map<String, Object> raw;
        TemplateVersion version;
        Environment environment;
        Parameters parameters;
        ConditionSet conditions;
        Map<String, ResourceDefinition> resources;
        Set<String> allResourceNames;
        Map<String, OutputDefinition> outputs;
        DependencyGraph graph;
        Map<String, String> files;
    }
}
