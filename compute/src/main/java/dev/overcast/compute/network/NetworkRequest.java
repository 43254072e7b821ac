package dev.overcast.compute.network;

import java.util.List;

import dev.overcast.core.json.Json;
import tools.jackson.core.type.TypeReference;

/**
 * One NIC a server asks for: a network (and maybe a fixed IP on it) or an existing port.
 *
 * @param networkId the network, or null when a port is given (filled in from the port once checked)
 * @param portId    an existing port to use, or null to create one
 * @param fixedIp   the address wanted on the network, or null for any
 * @param tag       the device tag (2.32+), or null
 */
public record NetworkRequest(String networkId, String portId, String fixedIp, String tag) {

    /** Written to the instance's system metadata, so every later step knows what the create asked for. */
    public static String write(List<NetworkRequest> requests) {
        return Json.write(requests);
    }

    public static List<NetworkRequest> read(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        return Json.mapper().readValue(json, new TypeReference<List<NetworkRequest>>() { });
    }

    /** The system metadata key holding the checked requests. */
    public static final String KEY = "overcast:networks";

    /** The system metadata key holding the security group ids every new port gets. */
    public static final String GROUPS_KEY = "overcast:security_groups";
}
