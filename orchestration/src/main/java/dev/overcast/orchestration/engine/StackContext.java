package dev.overcast.orchestration.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.template.AttributePath;
import dev.overcast.orchestration.template.ResolutionContext;

/**
 * A stack's resources as functions see them: {@code get_resource} gives a resource's reference
 * id, {@code get_attr} its plugin's attributes. Backed by the latest rows, which an engine
 * replaces as resources change; outputs resolve against the stored rows the same way.
 */
public final class StackContext implements ResolutionContext {
    private final ResourceTypes types;
    private final Map<String, ResourceRow> rows = new ConcurrentHashMap<>();

    public StackContext(ResourceTypes types, List<ResourceRow> current) {
        this.types = types;
        current.forEach(this::put);
    }

    /** Records a resource's latest row. */
    public void put(ResourceRow row) {
        rows.put(row.name(), row);
    }

    /** Forgets a resource. */
    public void remove(String name) {
        rows.remove(name);
    }

    /** @return the latest row of a resource, or null */
    public ResourceRow row(String name) {
        return rows.get(name);
    }

    static ResourceState state(ResourceRow row) {
        return new ResourceState(row.name(), row.physicalId(), row.properties(), row.data());
    }

    @Override
    public String resourceRef(String resourceName) {
        ResourceRow row = rows.get(resourceName);
        if (row == null) {
            return resourceName;
        }
        return types.find(row.type()).map(p -> p.referenceId(state(row))).orElse(resourceName);
    }

    @Override
    public Object attribute(String resourceName, String attributeName, List<Object> path) {
        ResourceRow row = rows.get(resourceName);
        if (row == null || row.physicalId() == null) {
            return null;
        }
        ResourcePlugin plugin = types.find(row.type()).orElse(null);
        if (plugin == null) {
            return null;
        }
        Object value = attributeOf(plugin, row, attributeName);
        return value == null || path.isEmpty() ? value : AttributePath.select(value, path);
    }

    @Override
    public Map<String, Object> allAttributes(String resourceName) {
        ResourceRow row = rows.get(resourceName);
        Map<String, Object> all = new LinkedHashMap<>();
        if (row == null) {
            return all;
        }
        types.find(row.type()).ifPresent(plugin -> ResourceTypes.allAttributes(plugin).keySet()
                .forEach(name -> all.put(name, attributeOf(plugin, row, name))));
        return all;
    }

    /** One attribute; {@code show} is the resource's properties, as Heat shows a resource. */
    private static Object attributeOf(ResourcePlugin plugin, ResourceRow row, String name) {
        if (name.equals("show")) {
            Map<String, Object> show = new LinkedHashMap<>(row.properties());
            show.put("id", row.physicalId());
            return show;
        }
        return plugin.attribute(state(row), name);
    }
}
