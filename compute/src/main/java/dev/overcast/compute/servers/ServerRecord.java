package dev.overcast.compute.servers;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.Instance;

/**
 * A server as the API shows it: the instance with what is kept beside it.
 *
 * @param cell  the cell holding the instance, or null while it is a build request
 * @param fault the latest fault, or null
 */
public record ServerRecord(Instance instance, Map<String, String> metadata, List<String> tags, Fault fault,
                           CellMapping cell) {
    public ServerRecord {
        metadata = metadata == null ? Map.of() : metadata;
        tags = tags == null ? List.of() : tags;
    }

    public String uuid() {
        return instance.uuid();
    }
}
