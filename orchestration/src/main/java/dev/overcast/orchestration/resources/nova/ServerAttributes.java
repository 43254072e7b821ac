package dev.overcast.orchestration.resources.nova;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * OS::Nova::Server's attributes, from the server as Nova showed it when the create or update
 * finished (stored with the resource, since attributes are read without calling the cloud).
 */
final class ServerAttributes {
    private ServerAttributes() {
    }

    /**
     * @param server     Nova's server body
     * @param networkIds the id of each network the server's addresses name
     * @return what the resource keeps to answer its attributes
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> snapshot(JsonNode server, Map<String, String> networkIds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", server.path("name").asString(null));
        Map<String, Object> addresses = Json.convert(server.path("addresses"), Map.class);
        out.put("addresses", addresses == null ? Map.of() : addresses);
        out.put("networks", networks(server.path("addresses"), networkIds));
        out.put("first_address", firstAddress(server.path("addresses")));
        out.put("accessIPv4", server.path("accessIPv4").asString(""));
        out.put("accessIPv6", server.path("accessIPv6").asString(""));
        out.put("instance_name", server.path("OS-EXT-SRV-ATTR:instance_name").asString(null));
        return out;
    }

    /** Heat's {@code networks}: each network's addresses by its name and again by its id. */
    static Map<String, List<String>> networks(JsonNode addresses, Map<String, String> networkIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        addresses.properties().forEach(e -> {
            List<String> ips = new ArrayList<>();
            e.getValue().forEach(a -> ips.add(a.path("addr").asString()));
            out.put(e.getKey(), ips);
            String id = networkIds.get(e.getKey());
            if (id != null) {
                out.put(id, ips);
            }
        });
        return out;
    }

    /** Heat's {@code first_address}: the first address of the first network, or "". */
    static String firstAddress(JsonNode addresses) {
        for (JsonNode ips : addresses) {
            for (JsonNode a : ips) {
                return a.path("addr").asString("");
            }
        }
        return "";
    }
}
