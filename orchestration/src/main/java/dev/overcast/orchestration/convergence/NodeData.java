package dev.overcast.orchestration.convergence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * What a finished node hands to the nodes that wait for it (Heat's {@code NodeData}): enough for
 * a dependant to resolve {@code get_resource} and {@code get_attr} without loading the resource.
 *
 * @param resourceId  the row's id
 * @param name        the resource's name
 * @param referenceId what {@code get_resource} returns (the physical id, or the name when none)
 * @param attributes  the attribute values dependants asked for, by attribute name (paths into
 *                    them are applied by the reader)
 * @param action      the resource's action after the step (CREATE, UPDATE, DELETE, ...)
 * @param status      the resource's status after the step (COMPLETE, FAILED, ...)
 */
public record NodeData(String resourceId, String name, String referenceId, Map<String, JsonNode> attributes,
                       String action, String status) {

    public NodeData {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((key, value) -> copy.put(key, value == null ? NullNode.instance : value));
        }
        attributes = Collections.unmodifiableMap(copy);
    }
}
