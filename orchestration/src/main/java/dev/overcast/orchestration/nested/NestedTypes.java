package dev.overcast.orchestration.nested;

import java.util.List;

import dev.overcast.orchestration.resources.ResourcePlugin;

/** The resource types built on nested stacks, for {@code ResourceTypes.builtIn()}. */
public final class NestedTypes {
    private NestedTypes() {
    }

    /** @return OS::Heat::Stack, ResourceGroup, AutoScalingGroup and ScalingPolicy */
    public static List<ResourcePlugin> plugins() {
        return List.of(new StackResource(), new ResourceGroup(), new AutoScalingGroup(), new ScalingPolicy());
    }

    /**
     * @return the plugin of a template resource: {@code type} backed by the template {@code text}
     *         of the file at {@code path}
     * @throws dev.overcast.orchestration.template.TemplateException when the text is no valid template
     */
    public static ResourcePlugin templateResource(String type, String path, String text) {
        return new TemplateResource(type, path, text);
    }
}
