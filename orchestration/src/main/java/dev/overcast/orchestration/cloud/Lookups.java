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
        return neutron(network, NeutronEntity.NETWORK, nameOrId);
    }

    /** The kinds of Neutron resources that are named: how neutronclient names each, and its collection. */
    public enum NeutronEntity {
        NETWORK("network", "networks"), SUBNET("subnet", "subnets"), PORT("port", "ports"),
        ROUTER("router", "routers"), SECURITY_GROUP("security_group", "security-groups"),
        SUBNETPOOL("subnetpool", "subnetpools"), SECURITY_GROUP_RULE("security_group_rule", "security-group-rules"),
        FLOATINGIP("floatingip", "floatingips");

        private final String entity;
        private final String collection;

        NeutronEntity(String entity, String collection) {
            this.entity = entity;
            this.collection = collection;
        }

        /** @return the entity as neutronclient's messages name it, e.g. {@code security_group} */
        public String entity() {
            return entity;
        }

        /** @return the collection's path segment under {@code /v2.0}, e.g. {@code security-groups} */
        public String collection() {
            return collection;
        }

        /** @return the key of one item in a body, e.g. {@code security_group} */
        public String singular() {
            return entity;
        }

        /** @return the key of a list body, e.g. {@code security_groups} */
        public String plural() {
            return collection.replace('-', '_');
        }
    }

    /**
     * Resolves a Neutron resource as neutronclient's {@code find_resourceid_by_name_or_id} does:
     * an id the caller can see is taken as it is, else the one resource of that name.
     *
     * @return the id, or empty when the caller sees none
     * @throws ResourceFailure NeutronClientNoUniqueMatch when several have the name
     */
    public static Optional<String> neutron(ServiceClient network, NeutronEntity kind, String nameOrId) {
        if (network.find("/v2.0/" + kind.collection() + "/" + encode(nameOrId)).isPresent()) {
            return Optional.of(nameOrId);
        }
        List<String> ids = ids(network.get("/v2.0/" + kind.collection() + "?" + ServiceClient.query("name", nameOrId))
                .path(kind.plural()), nameOrId);
        if (ids.size() > 1) {
            throw new ResourceFailure("NeutronClientNoUniqueMatch", "Multiple " + kind.entity()
                    + " matches found for name '" + nameOrId + "', use an ID to be more specific.");
        }
        return ids.stream().findFirst();
    }

    /**
     * @return the id of the Neutron resource identified or named by {@code nameOrId}
     * @throws ResourceFailure NotFound, worded as neutronclient's, when the caller sees none
     */
    public static String requireNeutron(ServiceClient network, NeutronEntity kind, String nameOrId) {
        return neutron(network, kind, nameOrId).orElseThrow(() -> new ResourceFailure("NotFound",
                "Unable to find " + kind.entity() + " with name or id '" + nameOrId + "'"));
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
