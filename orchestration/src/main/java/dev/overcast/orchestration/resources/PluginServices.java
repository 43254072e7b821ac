package dev.overcast.orchestration.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What plugins may call besides their own resources, by interface: the other services' APIs
 * (as the stack's user), nested stacks, and the like. Each is wired once when Orchestration
 * is built; a plugin that needs one that is not wired fails its step with a clear reason.
 */
public final class PluginServices {
    /** No services: plugins that need one fail. */
    public static final PluginServices NONE = new PluginServices(Map.of());

    private final Map<Class<?>, Object> services;

    private PluginServices(Map<Class<?>, Object> services) {
        this.services = Map.copyOf(services);
    }

    /** These services and {@code service} as the {@code type}. */
    public <T> PluginServices with(Class<T> type, T service) {
        Map<Class<?>, Object> next = new LinkedHashMap<>(services);
        next.put(type, type.cast(service));
        return new PluginServices(next);
    }

    /**
     * @return the service wired as {@code type}
     * @throws ResourceFailure when there is none
     */
    public <T> T require(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new ResourceFailure("ResourceFailure", type.getSimpleName() + " is not available in this deployment.");
        }
        return type.cast(service);
    }

    /** @return whether a service is wired as {@code type} */
    public boolean has(Class<?> type) {
        return services.containsKey(type);
    }
}
