package dev.overcast.orchestration.resources;

import java.util.Map;

/**
 * What a create or an update in place leaves: the physical id and the data to store.
 *
 * @param physicalId the resource's physical id
 * @param data       plugin data to keep with the resource (may be empty)
 */
public record Applied(String physicalId, Map<String, Object> data) {
    public Applied {
        data = Map.copyOf(data);
    }
}
