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
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.software.SoftwareConfigRow;
import dev.overcast.orchestration.software.SoftwareStore;

/**
 * What the config resource types share: each stores one software config row (its physical id
 * is the row's id) and deletes it with the resource; the {@code config} attribute is the
 * stored config, kept with the resource too.
 *
 * <p>A create must be idempotent, and a row's id is all that ties it to its resource. So the
 * id is derived from the stack, the resource's name, the stack's last change and the
 * properties: a create run again after a crash finds its row and reuses it (and the text that
 * row holds, which matters when the text has random parts such as a MIME boundary), while a
 * replacement, whose properties differ, makes a new row.
 */
final class StoredConfigs {
    static final String UNGROUPED = "Heat::Ungrouped";
    static final Map<String, AttributeSchema> ATTRIBUTES = Map.of("config",
            new AttributeSchema("The config value of the software config.", null));

    private StoredConfigs() {
    }

    /** The config a resource stores; {@code config} is usually text. */
    record Config(String group, Object config, List<Map<String, Object>> inputs, List<Map<String, Object>> outputs,
                  Map<String, Object> options) {
    }

    /**
     * Stores the config made from {@code properties} (once) and answers the resource it makes.
     *
     * @param render makes the config from the properties; called only when there is no row yet
     */
    static Applied create(String name, Map<String, Object> properties, PluginContext context,
            java.util.function.Supplier<Config> render) {
        SoftwareStore store = context.services().require(SoftwareStore.class);
        Instant changed = context.stack().updatedAt() != null ? context.stack().updatedAt()
                : context.stack().createdAt();
        String key = context.stack().id() + "/" + name + "/" + changed + "/" + Json.write(properties);
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        SoftwareConfigRow stored = store.config(id).orElseGet(() -> {
            Config c = render.get();
            return store.insertConfig(new SoftwareConfigRow(id, context.physicalName(name), c.group(), c.config(),
                    c.inputs(), c.outputs(), c.options(), context.stack().projectId(), context.clock().instant()));
        });
        return new Applied(id, stored.config() == null ? Map.of() : Map.of("config", stored.config()));
    }

    /** Deletes the resource's row; one that is gone already is fine. */
    static void delete(ResourceState state, PluginContext context) {
        if (state.physicalId() == null) {
            return;
        }
        SoftwareStore store = context.services().require(SoftwareStore.class);
        if (store.deleteConfig(state.physicalId()) == SoftwareStore.ConfigDeletion.IN_USE) {
            throw new ResourceFailure("InvalidRestrictedAction", "Software config with id " + state.physicalId()
                    + " can not be deleted as it is referenced.");
        }
    }

    /** @return the {@code config} attribute */
    static Object attribute(ResourceState state, String attribute) {
        return attribute.equals("config") ? state.data().get("config") : null;
    }
}
