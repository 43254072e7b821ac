package dev.overcast.orchestration.resources.software;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.software.SoftwareIo;

/** OS::Heat::SoftwareConfig: a software config as the template gives it. */
final class SoftwareConfigResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private SoftwareConfigResource() {
    }

    private static Map<String, PropertySchema> schema() {
        PropertySchema type = PropertySchema.of(PropertyType.STRING, "Type of the value of the input.")
                .withDefault("String").constrained(new PropertyConstraint.AllowedValues(SoftwareIo.TYPES));
        Map<String, PropertySchema> input = new LinkedHashMap<>();
        input.put("name", PropertySchema.of(PropertyType.STRING, "Name of the input.").asRequired());
        input.put("description", PropertySchema.of(PropertyType.STRING, "Description of the input."));
        input.put("type", type);
        input.put("default", PropertySchema.of(PropertyType.ANY, "Default value for the input if none is specified."));
        input.put("replace_on_change", PropertySchema.of(PropertyType.BOOLEAN,
                "Replace the deployment instead of updating it when the input value changes.").withDefault(false));
        Map<String, PropertySchema> output = new LinkedHashMap<>();
        output.put("name", PropertySchema.of(PropertyType.STRING, "Name of the output.").asRequired());
        output.put("description", PropertySchema.of(PropertyType.STRING, "Description of the output."));
        output.put("type", type);
        output.put("error_output", PropertySchema.of(PropertyType.BOOLEAN,
                "Denotes that the deployment is in an error state if this output has a value.").withDefault(false));
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("group", PropertySchema.of(PropertyType.STRING, "Namespace to group this software config by when "
                + "delivered to a server. This may imply what configuration tool is going to perform the "
                + "configuration.").withDefault(StoredConfigType.UNGROUPED));
        p.put("config", PropertySchema.of(PropertyType.STRING, "Configuration script or manifest which specifies "
                + "what actual configuration is performed."));
        p.put("options", PropertySchema.of(PropertyType.MAP, "Map containing options specific to the configuration "
                + "management tool used by this resource."));
        p.put("inputs", PropertySchema.of(PropertyType.LIST, "Schema representing the inputs that this software "
                + "config is expecting.").withEntries(input));
        p.put("outputs", PropertySchema.of(PropertyType.LIST, "Schema representing the outputs that this software "
                + "config will produce.").withEntries(output));
        return Collections.unmodifiableMap(p);
    }

    /** @return the type */
    static ResourcePlugin plugin() {
        return new StoredConfigType("OS::Heat::SoftwareConfig",
                "A resource for describing and storing software configuration.", PROPERTIES,
                SoftwareConfigResource::render);
    }

    @SuppressWarnings("unchecked")
    private static StoredConfigType.Config render(Map<String, Object> properties, PluginContext context) {
        return new StoredConfigType.Config((String) properties.get("group"), properties.get("config"),
                SoftwareIo.inputs(orEmpty(properties.get("inputs"))),
                SoftwareIo.outputs(orEmpty(properties.get("outputs"))),
                (Map<String, Object>) properties.get("options"));
    }

    private static Object orEmpty(Object list) {
        return list == null ? List.of() : list;
    }
}
