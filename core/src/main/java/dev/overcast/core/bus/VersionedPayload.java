package dev.overcast.core.bus;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A notification's payload in Nova's versioned-object shape, so that consumers written for Nova
 * read ours:
 * {@code {"nova_object.name": "InstanceActionPayload", "nova_object.namespace": "nova",
 * "nova_object.version": "1.0", "nova_object.data": {...}}}.
 *
 * @param name      the payload's type, such as {@code InstanceActionPayload}
 * @param namespace the publishing project, such as {@code nova}
 * @param version   the payload's own version, bumped like a message version
 * @param data      the payload record as JSON
 */
public record VersionedPayload(
        @JsonProperty("nova_object.name") String name,
        @JsonProperty("nova_object.namespace") String namespace,
        @JsonProperty("nova_object.version") Version version,
        @JsonProperty("nova_object.data") JsonNode data) {

    public VersionedPayload {
        if (name == null || name.isBlank() || namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a payload needs a name and a namespace");
        }
        if (version == null || data == null) {
            throw new IllegalArgumentException("payload " + name + " needs a version and data");
        }
    }

    /** A payload holding {@code data} (a record) as JSON; a {@link MessageFormatException} if it does not serialise. */
    public static VersionedPayload of(String namespace, String name, String version, Object data) {
        return new VersionedPayload(name, namespace, Version.parse(version), Wire.toTree(data, "payload " + name));
    }

    /** The data read as {@code type}; a {@link MessageFormatException} if it does not fit. */
    public <T> T data(Class<T> type) {
        return Wire.fromTree(data, type, "payload " + name + " " + version);
    }
}
