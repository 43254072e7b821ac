package dev.overcast.orchestration.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Names to ids, as Heat's client plugins resolve them: an id is taken as it is, a name must match
 * exactly one thing the caller can see; several matches are {@code PhysicalResourceNameAmbiguity}.
 */
public final class Lookups {
    private Lookups() {
    }

    /** @return the id of the image named or identified by {@code nameOrId}, if the caller sees one */
    public static Optional<String> image(ServiceClient image, String nameOrId) {
        Optional<String> byName = unique(ids(image.get("/v2/images?" + ServiceClient.query("name", nameOrId))
                .path("images"), nameOrId), nameOrId);
        if (byName.isPresent()) {
            return byName;
        }
        return image.find("/v2/images/" + encode(nameOrId)).map(i -> i.path("id").asString());
    }

    /** @return the id of the flavor identified or named by {@code nameOrId}, if the caller sees one */
    public static Optional<String> flavor(ServiceClient compute, String nameOrId) {
        if (compute.find("/flavors/" + encode(nameOrId)).isPresent()) {
            return Optional.of(nameOrId);
        }
        return unique(ids(compute.get("/flavors/detail?is_public=None").path("flavors"), nameOrId), nameOrId);
    }

    /** @return the id of the network identified or named by {@code nameOrId}, if the caller sees one */
    public static Optional<String> network(ServiceClient network, String nameOrId) {
        if (network.find("/v2.0/networks/" + encode(nameOrId)).isPresent()) {
            return Optional.of(nameOrId);
        }
        return unique(ids(network.get("/v2.0/networks?" + ServiceClient.query("name", nameOrId)).path("networks"),
                nameOrId), nameOrId);
    }

    /** @return the id of the server identified or named by {@code nameOrId}, if the caller sees one */
    public static Optional<String> server(ServiceClient compute, String nameOrId) {
        if (compute.find("/servers/" + encode(nameOrId)).isPresent()) {
            return Optional.of(nameOrId);
        }
        String exact = "^" + java.util.regex.Pattern.quote(nameOrId) + "$";
        return unique(ids(compute.get("/servers?" + ServiceClient.query("name", exact)).path("servers"), nameOrId),
                nameOrId);
    }

    /** @return whether the caller has a key pair of that name */
    public static boolean keypair(ServiceClient compute, String name) {
        return compute.find("/os-keypairs/" + encode(name)).isPresent();
    }

    /** @return a path segment with {@code segment} URL-encoded */
    public static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> unique(List<String> ids, String name) {
        if (ids.size() > 1) {
            throw new ResourceFailure("PhysicalResourceNameAmbiguity",
                    "Multiple physical resources were found with name (" + name + ").");
        }
        return ids.stream().findFirst();
    }

    private static List<String> ids(JsonNode items, String name) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> {
            if (name.equals(item.path("name").asString(null))) {
                out.add(item.path("id").asString());
            }
        });
        return out;
    }
}
