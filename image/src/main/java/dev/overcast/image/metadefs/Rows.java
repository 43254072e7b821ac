package dev.overcast.image.metadefs;

import java.time.Instant;
import java.util.Map;

/** The catalog's rows, one record per table. JSON columns stay JSON text here. */
final class Rows {
    private Rows() {
    }

    record Namespace(String id, String name, String displayName, String description, String visibility,
                     boolean isProtected, String owner, Instant createdAt, Instant updatedAt) {
        /** What namespace policy rules see. */
        Map<String, Object> target() {
            return owner == null ? Map.of("visibility", visibility)
                    : Map.of("project_id", owner, "owner", owner, "visibility", visibility);
        }
    }

    record MetadefObject(String namespaceId, String name, String description, String required, String properties,
                         Instant createdAt, Instant updatedAt) {
    }

    record Property(String namespaceId, String name, String definition, Instant createdAt, Instant updatedAt) {
    }

    record Tag(String namespaceId, String name, Instant createdAt, Instant updatedAt) {
    }

    record ResourceType(String name, boolean isProtected, Instant createdAt, Instant updatedAt) {
    }

    record Association(String namespaceId, String resourceType, String prefix, String propertiesTarget,
                       Instant createdAt, Instant updatedAt) {
    }
}
