package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** One of a router's extra routes: traffic for {@code destination} goes to {@code nexthop}. */
record ExtraRoute(String destination, String nexthop) {

    static List<ExtraRoute> fromJson(String text) {
        List<ExtraRoute> out = new ArrayList<>();
        for (JsonNode item : Json.parse(text)) {
            out.add(new ExtraRoute(item.path("destination").asString(), item.path("nexthop").asString()));
        }
        return out;
    }

    static String toJson(List<ExtraRoute> routes) {
        return Json.write(array(routes));
    }

    static ArrayNode array(List<ExtraRoute> routes) {
        ArrayNode out = Json.array();
        routes.forEach(r -> out.addObject().put("destination", r.destination).put("nexthop", r.nexthop));
        return out;
    }

    /** As Neutron's messages print a list of routes: Python's repr of a list of dicts. */
    static String repr(List<ExtraRoute> routes) {
        List<String> items = routes.stream()
                .map(r -> "{'destination': '" + r.destination + "', 'nexthop': '" + r.nexthop + "'}").toList();
        return "[" + String.join(", ", items) + "]";
    }
}
