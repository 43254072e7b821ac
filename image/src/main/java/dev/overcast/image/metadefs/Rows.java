package dev.overcast.image.metadefs;

import java.time.Instant;
import java.util.Map;

/**
 * The catalog's rows, one record per table; JSON columns stay JSON text. Public only because
 * JDBI binds and maps them by reflection.
 */
public final class Rows {
    private Rows() {
    }

    public record Namespace(String id, String name, String displayName, String description, String visibility,
                            boolean isProtected, String owner, Instant createdAt, Instant updatedAt) {
        /** What namespace policy rules see. */
        public Map<String, Object> target() {
            return owner == null ? Map.of("visibility", visibility)
                    : Map.of("project_id", owner, "owner", owner, "visibility", visibility);
        }
    }

    public record MetadefObject(String namespaceId, String name, String description, String required,
                                String properties, Instant createdAt, Instant updatedAt) {
    }

    public record Property(String namespaceId, String name, String definition, Instant createdAt, Instant updatedAt) {
    }

    public record Tag(String namespaceId, String name, Instant createdAt, Instant updatedAt) {
    }

    public record ResourceType(String name, boolean isProtected, Instant createdAt, Instant updatedAt) {
    }

    public record Association(String namespaceId, String resourceType, String prefix, String propertiesTarget,
                              Instant createdAt, Instant updatedAt) {
    }
}
