package dev.overcast.compute.conductor;

import java.util.List;
import java.util.Map;

import dev.overcast.core.json.Json;
import tools.jackson.core.type.TypeReference;

/**
 * A host the scheduler found fit but did not choose, kept with the instance (in its system
 * metadata) so a failed spawn can be retried there without scheduling again, as Nova's alternates.
 *
 * @param allocations the allocation request to claim in Placement, by provider uuid
 */
public record Alternate(String host, String node, Map<String, Map<String, Long>> allocations) {
    static final String KEY = "overcast:alternates";
    private static final TypeReference<List<Alternate>> LIST = new TypeReference<>() {
    };

    static String write(List<Alternate> alternates) {
        return Json.write(alternates);
    }

    static List<Alternate> read(Map<String, String> systemMetadata) {
        String json = systemMetadata.get(KEY);
        return json == null ? List.of() : Json.mapper().readValue(json, LIST);
    }
}
