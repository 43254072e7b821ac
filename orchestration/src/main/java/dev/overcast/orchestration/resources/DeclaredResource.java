package dev.overcast.orchestration.resources;

import java.util.Map;

/**
 * A resource plugin whose type, description, property and attribute schemas are fixed when it is
 * made: what nearly every plugin declares, said once in its constructor.
 */
public abstract class DeclaredResource implements ResourcePlugin {
    private final String type;
    private final String description;
    private final Map<String, PropertySchema> properties;
    private final Map<String, AttributeSchema> attributes;

    protected DeclaredResource(String type, String description, Map<String, PropertySchema> properties,
                               Map<String, AttributeSchema> attributes) {
        this.type = type;
        this.description = description;
        this.properties = properties;
        this.attributes = attributes;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Map<String, PropertySchema> properties() {
        return properties;
    }

    @Override
    public final Map<String, AttributeSchema> attributes() {
        return attributes;
    }
}
