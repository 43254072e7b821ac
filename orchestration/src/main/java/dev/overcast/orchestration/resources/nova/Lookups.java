package dev.overcast.orchestration.resources.nova;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Names to ids, as Heat's client plugins resolve them: an id is taken as it is, a name must match
 * exactly one thing the user can see. What matches nothing is passed on unchanged when the
 * owning service will say so itself (Nova: {@code Flavor m1.huge could not be found.}).
 */
final class Lookups {
    private Lookups() {
    }

    /** @return the id of the image named or identified by {@code nameOrId}, or {@code nameOrId} itself */
    static String image(ServiceClient image, String nameOrId) {
        List<String> byName = ids(image.get("/v2/images?" + ServiceClient.query("name", nameOrId)).path("images"),
                nameOrId, "name");
        return unique(byName, nameOrId).orElse(nameOrId);
    }

    /** @return the id of the flavor identified or named by {@code nameOrId}, or {@code nameOrId} itself */
    static String flavor(ServiceClient compute, String nameOrId) {
        if (compute.find("/flavors/" + encode(nameOrId)).isPresent()) {
            return nameOrId;
        }
        List<String> byName = ids(compute.get("/flavors/detail?is_public=None").path("flavors"), nameOrId, "name");
        return unique(byName, nameOrId).orElse(nameOrId);
    }

    /**
     * @return the id of the network identified or named by {@code nameOrId}
     * @throws ResourceFailure NotFound when none matches (Neutron's client words it so)
     */
    static String network(ServiceClient network, String nameOrId) {
        if (network.find("/v2.0/networks/" + encode(nameOrId)).isPresent()) {
            return nameOrId;
        }
        List<String> byName = ids(network.get("/v2.0/networks?" + ServiceClient.query("name", nameOrId))
                .path("networks"), nameOrId, "name");
        return unique(byName, nameOrId).orElseThrow(() -> new ResourceFailure("NotFound",
                "Unable to find network with name or id '" + nameOrId + "'"));
    }

    private static java.util.Optional<String> unique(List<String> ids, String name) {
        if (ids.size() > 1) {
            throw new ResourceFailure("PhysicalResourceNameAmbiguity",
                    "Multiple physical resources were found with name (" + name + ").");
        }
        return ids.stream().findFirst();
    }

    private static List<String> ids(JsonNode items, String value, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> {
            if (value.equals(item.path(field).asString(null))) {
                out.add(item.path("id").asString());
            }
        });
        return out;
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
