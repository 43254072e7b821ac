package dev.overcast.orchestration.resources.software;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourcePlugin;

/**
 * OS::Heat::CloudConfig: a cloud-init cloud-config, stored as a software config whose text is
 * {@code #cloud-config} and the map as block-style YAML with sorted keys (as Heat's PyYAML
 * dump writes it).
 */
final class CloudConfigResource {
    private static final Map<String, PropertySchema> PROPERTIES = Map.of("cloud_config",
            PropertySchema.of(PropertyType.MAP, "Map representing the cloud-config data structure which will be "
                    + "formatted as YAML."));

    private CloudConfigResource() {
    }

    /** @return the type */
    static ResourcePlugin plugin() {
        return new StoredConfigType("OS::Heat::CloudConfig",
                "A configuration resource for representing cloud-init cloud-config.", PROPERTIES,
                (properties, context) -> new StoredConfigType.Config(StoredConfigType.UNGROUPED,
                        render(properties.get("cloud_config")), List.of(), List.of(), null));
    }

    /** {@code #cloud-config}, a newline, and the map as YAML. */
    static String render(Object cloudConfig) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Object value = cloudConfig == null ? Map.of() : sorted(cloudConfig);
        return "#cloud-config\n" + new Yaml(options).dump(value);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CloudConfigResource::sorted).toList();
        }
        return value;
    }
}
