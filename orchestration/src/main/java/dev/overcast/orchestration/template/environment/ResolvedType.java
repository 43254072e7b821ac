package dev.overcast.orchestration.template.environment;

/** What a resource type means after the resource registry has been applied. */
public sealed interface ResolvedType {

    /** A type implemented by a resource plugin, e.g. {@code OS::Nova::Server}. */
    record Plugin(String type) implements ResolvedType {
    }

    /** A template resource: a nested stack made from the template file at {@code path}. */
    record TemplateResource(String path) implements ResolvedType {
    }

    /** The environment unregisters the type ({@code "OS::Foo": null}). */
    record Unregistered(String type) implements ResolvedType {
    }
}
