package dev.overcast.orchestration.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.overcast.orchestration.resources.nova.NovaFlavor;
import dev.overcast.orchestration.resources.nova.NovaKeyPair;
import dev.overcast.orchestration.resources.nova.NovaServer;
import dev.overcast.orchestration.resources.nova.NovaServerGroup;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.environment.ResolvedType;
import dev.overcast.orchestration.template.environment.ResourceRegistry;

/**
 * The resource types this deployment offers, by name, with the views Heat's
 * {@code /resource_types} API shows of them.
 */
public final class ResourceTypes {
    /** Makes the plugin of a template resource: a type backed by a template file. */
    @FunctionalInterface
    public interface TemplateResources {
        /**
         * @param type the type as a template names it ({@code server.yaml}, or a registry alias)
         * @param path the template file it maps to
         * @param text the file's text
         * @throws TemplateException when the file is no valid template
         */
        ResourcePlugin plugin(String type, String path, String text);
    }

    private final Map<String, ResourcePlugin> plugins;
    private final TemplateResources templates;
    /** The registry and files of one stack, or null for the deployment's types as they are. */
    private final StackTypes stack;

    private record StackTypes(ResourceRegistry registry, Map<String, String> files,
                              Map<String, Optional<ResourcePlugin>> resolved) {
    }

    private ResourceTypes(Map<String, ResourcePlugin> plugins, TemplateResources templates, StackTypes stack) {
        this.plugins = java.util.Collections.unmodifiableMap(new TreeMap<>(plugins));
        this.templates = templates;
        this.stack = stack;
    }

    /**
     * The built-in types: OS::Heat::None, TestResource, RandomString, Value, WaitConditionHandle,
     * WaitCondition, the software config types, OS::Nova::*, OS::Neutron::*, and the nested stack types (Stack,
     * ResourceGroup, AutoScalingGroup, ScalingPolicy, template resources).
     */
    public static ResourceTypes builtIn() {
        List<ResourcePlugin> all = new java.util.ArrayList<>(List.of(new NoneResource(), new TestResource(),
                new RandomString(), new ValueResource(), new WaitConditionHandle(), new WaitCondition(),
                new NovaServer(), new NovaKeyPair(), new NovaFlavor(), new NovaServerGroup()));
        all.addAll(dev.overcast.orchestration.resources.software.SoftwareConfigTypes.plugins());
        all.addAll(dev.overcast.orchestration.resources.neutron.NeutronTypes.plugins());
        all.addAll(dev.overcast.orchestration.nested.NestedTypes.plugins());
        return of(all).withTemplates(dev.overcast.orchestration.nested.NestedTypes::templateResource);
    }

    /** Types of these plugins. */
    public static ResourceTypes of(List<ResourcePlugin> plugins) {
        Map<String, ResourcePlugin> byName = new LinkedHashMap<>();
        plugins.forEach(p -> byName.put(p.type(), p));
        return new ResourceTypes(byName, null, null);
    }

    /** These types, with template resources made by {@code factory}. */
    public ResourceTypes withTemplates(TemplateResources factory) {
        return new ResourceTypes(plugins, factory, stack);
    }

    /**
     * @return the types as a stack sees them: its environment's resource_registry applied
     *         (aliases, template files from the stack's {@code files}, unregistered types)
     */
    public ResourceTypes forStack(StackRow row) {
        ResourceRegistry registry = row.environment().isEmpty() ? ResourceRegistry.empty()
                : Environment.fromMap(row.environment()).resourceRegistry();
        return new ResourceTypes(plugins, templates, new StackTypes(registry, row.files() == null ? Map.of()
                : row.files(), new java.util.concurrent.ConcurrentHashMap<>()));
    }

    /** @return the plugin of a type, if there is one */
    public Optional<ResourcePlugin> find(String type) {
        if (stack == null) {
            return Optional.ofNullable(plugins.get(type));
        }
        return stack.resolved().computeIfAbsent(type, t -> switch (stack.registry().resolve(t, "")) {
            case ResolvedType.Plugin p -> Optional.ofNullable(plugins.get(p.type()));
            case ResolvedType.TemplateResource r -> templateResource(t, r.path(), stack.files());
            case ResolvedType.Unregistered u -> Optional.empty();
        });
    }

    /**
     * @return the plugin of a template resource whose file is in {@code files}; empty when the
     *         file is missing or this deployment makes no template resources
     * @throws TemplateException when the file is no valid template
     */
    public Optional<ResourcePlugin> templateResource(String type, String path, Map<String, String> files) {
        String text = files.get(path);
        if (text == null || templates == null) {
            return Optional.empty();
        }
        return Optional.of(templates.plugin(type, path, text));
    }

    /**
     * @return the plugin of a type
     * @throws TemplateException StackValidationFailed, Heat's "The Resource Type (X) could not be found."
     */
    public ResourcePlugin require(String type) {
        ResourcePlugin plugin = find(type).orElse(null);
        if (plugin == null) {
            throw TemplateException.validation(notFound(type));
        }
        return plugin;
    }

    /** Heat's message for a type nobody provides. */
    public static String notFound(String type) {
        return "The Resource Type (" + type + ") could not be found.";
    }

    /**
     * @param namePattern Heat's {@code name} filter, a regular expression matched from the start
     *                    of the type name, or null
     * @return the type names, sorted
     */
    public List<String> names(String namePattern) {
        Pattern pattern = namePattern == null ? null : Pattern.compile(namePattern);
        return plugins.keySet().stream().filter(n -> pattern == null || pattern.matcher(n).lookingAt()).toList();
    }

    /** @return Heat's {@code GET /resource_types/{type}} body */
    public Map<String, Object> schema(ResourcePlugin plugin) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource_type", plugin.type());
        Map<String, Object> properties = new LinkedHashMap<>();
        plugin.properties().forEach((name, s) -> properties.put(name, s.view()));
        out.put("properties", properties);
        Map<String, Object> attributes = new LinkedHashMap<>();
        allAttributes(plugin).forEach((name, a) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("description", a.description());
            if (a.type() != null) {
                view.put("type", a.type().heatName().toLowerCase(java.util.Locale.ROOT));
            }
            attributes.put(name, view);
        });
        out.put("attributes", attributes);
        out.put("support_status", supportStatus());
        out.put("description", plugin.description());
        return out;
    }

    /** @return the plugin's attributes and Heat's {@code show}, which every type has */
    public static Map<String, AttributeSchema> allAttributes(ResourcePlugin plugin) {
        Map<String, AttributeSchema> all = new TreeMap<>(plugin.attributes());
        all.put("show", new AttributeSchema("Detailed information about resource.", PropertyType.MAP));
        return all;
    }

    private static Map<String, Object> supportStatus() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", "SUPPORTED");
        s.put("version", null);
        s.put("message", null);
        s.put("previous_status", null);
        return s;
    }

    /**
     * @param hot whether to write a HOT template ({@code template_type=hot}) or a CFN one
     * @return Heat's {@code GET /resource_types/{type}/template} body: a template that makes one
     *         resource of the type from parameters and shows its attributes as outputs
     */
    public Map<String, Object> template(ResourcePlugin plugin, boolean hot) {
        String resourceName = plugin.type().substring(plugin.type().lastIndexOf(':') + 1);
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        plugin.properties().forEach((name, s) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", parameterType(s.type(), hot));
            p.put("description", s.description());
            if (s.defaultValue() != null) {
                p.put("default", s.defaultValue());
            }
            parameters.put(name, p);
            properties.put(name, hot ? Map.of("get_param", name) : Map.of("Ref", name));
        });
        Map<String, Object> outputs = new LinkedHashMap<>();
        allAttributes(plugin).forEach((name, a) -> outputs.put(name, Map.of("description", a.description(),
                hot ? "value" : "Value", hot ? Map.of("get_attr", List.of(resourceName, name))
                        : Map.of("Fn::GetAtt", List.of(resourceName, name)))));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put(hot ? "type" : "Type", plugin.type());
        resource.put(hot ? "properties" : "Properties", properties);
        Map<String, Object> out = new LinkedHashMap<>();
        if (hot) {
            out.put("heat_template_version", "2016-10-14");
            out.put("description", "Initial template of " + resourceName);
            out.put("parameters", parameters);
            out.put("resources", Map.of(resourceName, resource));
            out.put("outputs", outputs);
        } else {
            out.put("HeatTemplateFormatVersion", "2012-12-12");
            out.put("Description", "Initial template of " + resourceName);
            out.put("Parameters", parameters);
            out.put("Resources", Map.of(resourceName, resource));
            out.put("Outputs", outputs);
        }
        return out;
    }

    private static String parameterType(PropertyType type, boolean hot) {
        return switch (type) {
            case INTEGER, NUMBER -> hot ? "number" : "Number";
            case BOOLEAN -> hot ? "boolean" : "Boolean";
            case MAP, ANY -> hot ? "json" : "Json";
            case LIST -> hot ? "comma_delimited_list" : "CommaDelimitedList";
            case STRING -> hot ? "string" : "String";
        };
    }
}
