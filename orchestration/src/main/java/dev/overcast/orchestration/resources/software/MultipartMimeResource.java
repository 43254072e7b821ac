package dev.overcast.orchestration.resources.software;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.software.SoftwareConfigRow;
import dev.overcast.orchestration.software.SoftwareStore;

/**
 * OS::Heat::MultipartMime: a MIME multipart message assembled from parts, each inline text or
 * the id of another software config of the stack's project (a part whose config is itself a
 * multipart message, with type {@code multipart}, contributes that message's parts). Stored as
 * a software config.
 */
final class MultipartMimeResource {
    private static final Pattern UUID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> part = new LinkedHashMap<>();
        part.put("config", PropertySchema.of(PropertyType.STRING, "Content of part to attach, either inline or by "
                + "referencing the ID of another software config resource.").asRequired());
        part.put("filename", PropertySchema.of(PropertyType.STRING, "Optional filename to associate with part."));
        part.put("type", PropertySchema.of(PropertyType.STRING, "Whether the part content is text or multipart.")
                .withDefault("text").constrained(new PropertyConstraint.AllowedValues(List.of("text", "multipart"))));
        part.put("subtype", PropertySchema.of(PropertyType.STRING, "Optional subtype to specify with the type."));
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("group", PropertySchema.of(PropertyType.STRING, "Namespace to group this multi-part configs by when "
                + "delivered to a server. This may imply what configuration tool is going to perform the "
                + "configuration.").withDefault(StoredConfigType.UNGROUPED));
        p.put("parts", PropertySchema.of(PropertyType.LIST, "Parts belonging to this message.").withDefault(List.of())
                .withEntries(part));
        return Collections.unmodifiableMap(p);
    }

    private MultipartMimeResource() {
    }

    /** @return the type */
    static ResourcePlugin plugin() {
        return new StoredConfigType("OS::Heat::MultipartMime",
                "Assembles a collection of software configurations as a multi-part mime.", PROPERTIES,
                (properties, context) -> new StoredConfigType.Config((String) properties.get("group"),
                        message(properties, context), List.of(), List.of(), null));
    }

    private static String message(Map<String, Object> properties, PluginContext context) {
        SoftwareStore store = context.services().require(SoftwareStore.class);
        List<Mime.Part> parts = new ArrayList<>();
        for (Object item : (List<?>) properties.getOrDefault("parts", List.of())) {
            Map<?, ?> part = (Map<?, ?>) item;
            String text = content(String.valueOf(part.get("config")), store, context);
            if ("multipart".equals(part.get("type"))) {
                parts.addAll(Mime.read(text));
            } else {
                String filename = part.get("filename") == null ? "" : part.get("filename").toString();
                String subtype = part.get("subtype") == null ? "" : part.get("subtype").toString();
                if (subtype.isEmpty() && !filename.isEmpty()) {
                    // As Heat: the file name without its extension.
                    int dot = filename.lastIndexOf('.');
                    subtype = dot > 0 ? filename.substring(0, dot) : filename;
                }
                parts.add(new Mime.Part(text, subtype, filename));
            }
        }
        return Mime.write(parts, Mime.boundary(context.random().nextLong(Long.MAX_VALUE)));
    }

    /** The part's text: the config of that id in the stack's project, else the text itself. */
    private static String content(String config, SoftwareStore store, PluginContext context) {
        if (!UUID_LIKE.matcher(config).matches()) {
            return config;
        }
        return store.config(config).filter(c -> c.projectId().equals(context.stack().projectId()))
                .map(SoftwareConfigRow::config)
                .map(c -> c instanceof String s ? s : Json.write(c))
                .orElse(config);
    }
}
