package dev.overcast.compute.builds;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.instances.Instance;

/**
 * An instance asked for and not yet in a cell: the API shows it as a BUILD server from this.
 *
 * @param requestId     the create request, whose instance action the conductor records in the cell
 * @param reservationId the create's reservation, shared by the instances of one multi-create
 */
public record BuildRequest(Instance instance, Map<String, String> metadata, List<String> tags, String requestId,
                           String reservationId) {
    public BuildRequest {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String uuid() {
        return instance.uuid();
    }
}
