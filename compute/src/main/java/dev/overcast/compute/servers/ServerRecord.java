package dev.overcast.compute.servers;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.network.NetworkInfo;

/**
 * A server as the API shows it: the instance with what is kept beside it.
 *
 * @param cell  the cell holding the instance, or null while it is a build request
 * @param fault the latest fault, or null
 */
public record ServerRecord(Instance instance, Map<String, String> metadata, List<String> tags, Fault fault,
                           CellMapping cell, NetworkInfo network) {
    public ServerRecord {
        metadata = metadata == null ? Map.of() : metadata;
        tags = tags == null ? List.of() : tags;
        network = network == null ? NetworkInfo.EMPTY : network;
    }

    /** A server whose NICs are not (yet) read. */
    public ServerRecord(Instance instance, Map<String, String> metadata, List<String> tags, Fault fault,
                        CellMapping cell) {
        this(instance, metadata, tags, fault, cell, null);
    }

    public String uuid() {
        return instance.uuid();
    }
}
