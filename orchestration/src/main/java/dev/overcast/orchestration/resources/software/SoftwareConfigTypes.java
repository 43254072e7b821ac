package dev.overcast.orchestration.resources.software;

import java.util.List;

import dev.overcast.orchestration.resources.ResourcePlugin;

/**
 * The software config resource types: OS::Heat::SoftwareConfig, CloudConfig and MultipartMime.
 * They need the {@link dev.overcast.orchestration.software.SoftwareStore} wired in
 * {@code PluginServices}. SoftwareDeployment and StructuredDeployment are not offered: they
 * need an agent on the server.
 */
public final class SoftwareConfigTypes {
    private SoftwareConfigTypes() {
    }

    /** @return one plugin of each type */
    public static List<ResourcePlugin> plugins() {
        return List.of(SoftwareConfigResource.plugin(), CloudConfigResource.plugin(), MultipartMimeResource.plugin());
    }
}
