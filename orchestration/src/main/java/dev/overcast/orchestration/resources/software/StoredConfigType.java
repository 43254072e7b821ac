package dev.overcast.orchestration.resources.software;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.software.SoftwareConfigRow;
import dev.overcast.orchestration.software.SoftwareStore;

/**
 * A resource type that stores one software config: OS::Heat::SoftwareConfig, CloudConfig and
 * MultipartMime differ only in their properties and in how they render the config from them.
 * The row's id is the resource's physical id; the row is deleted with the resource; the
 * {@code config} attribute is the stored config, kept with the resource too. A config is
 * immutable, so no property updates in place: any change replaces the resource.
 *
 * <p>A create must be idempotent, and a row's id is all that ties it to its resource. So the
 * id is derived from the stack, the resource's name, the stack's last change and the
 * properties: a create run again after a crash finds its row and reuses it (and the text that
 * row holds, which matters when the text has random parts such as a MIME boundary), while a
 * replacement, whose properties differ, makes a new row.
 */
final class StoredConfigType extends DeclaredResource {
    static final String UNGROUPED = "Heat::Ungrouped";
    private static final Map<String, AttributeSchema> ATTRIBUTES = Map.of("config",
            new AttributeSchema("The config value of the software config.", null));

    /** The config a resource stores; {@code config} is usually text. */
    record Config(String group, Object config, List<Map<String, Object>> inputs, List<Map<String, Object>> outputs,
                  Map<String, Object> options) {
    }

    /** Makes a resource's config from its validated properties. */
    @FunctionalInterface
    interface Renderer {
        Config render(Map<String, Object> properties, PluginContext context);
    }

    private final Renderer renderer;

    StoredConfigType(String type, String description, Map<String, PropertySchema> properties, Renderer renderer) {
        super(type, description, properties, ATTRIBUTES);
        this.renderer = renderer;
    }

    @Override
    public Applied create(String name, Map<String, Object> props, PluginContext context) {
        SoftwareStore store = context.services().require(SoftwareStore.class);
        Instant changed = context.stack().updatedAt() != null ? context.stack().updatedAt()
                : context.stack().createdAt();
        String key = context.stack().id() + "/" + name + "/" + changed + "/" + Json.write(props);
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        SoftwareConfigRow stored = store.config(id).orElseGet(() -> {
            Config c = renderer.render(props, context);
            return store.insertConfig(new SoftwareConfigRow(id, context.physicalName(name), c.group(), c.config(),
                    c.inputs(), c.outputs(), c.options(), context.stack().projectId(), context.clock().instant()));
        });
        return new Applied(id, stored.config() == null ? Map.of() : Map.of("config", stored.config()));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> props, PluginContext context) {
        // No property allows an update in place; the engine replaces instead.
        return new Applied(current.physicalId(), current.data());
    }

    /** Deletes the resource's row; one that is gone already is fine. */
    @Override
    public void delete(ResourceState current, PluginContext context) {
        if (current.physicalId() == null) {
            return;
        }
        SoftwareStore store = context.services().require(SoftwareStore.class);
        if (store.deleteConfig(current.physicalId()) == SoftwareStore.ConfigDeletion.IN_USE) {
            throw new ResourceFailure("InvalidRestrictedAction", "Software config with id " + current.physicalId()
                    + " can not be deleted as it is referenced.");
        }
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return attribute.equals("config") ? state.data().get("config") : null;
    }
}
