package dev.overcast.orchestration.resources.neutron;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.cloud.Cloud;
import dev.overcast.orchestration.cloud.Lookups;
import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.nova.Calls;
import tools.jackson.databind.JsonNode;

/**
 * What the OS::Neutron::* types share: Network's API as the stack's user, names resolved as
 * Heat's neutron client plugin resolves them, creates that are safe to run twice, and deletes that
 * wait.
 *
 * <p>A create is keyed as the Nova types' are (see {@link Calls#creationKey}): the resource is
 * tagged {@code heat-<key>} right after Neutron makes it, and a create run again first looks for
 * a resource with that tag (or, when the template gives no name, with the name derived from the
 * key, which Neutron has from the first call on) and takes it over. A resource keeps what Neutron
 * showed after its create or update, so its attributes are read without calling Network.
 */
final class Neutron {
    /** How long a delete that Neutron refuses as in use (409) is tried again: ports go with their servers. */
    static final Duration IN_USE_PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private Neutron() {
    }

    static ServiceClient client(PluginContext context) {
        return context.services().require(Cloud.class).client(Cloud.Service.NETWORK, context.stack());
    }

    /** @return the id of the {@code kind} named or identified by {@code nameOrId}; NotFound when there is none */
    static String id(ServiceClient network, NeutronEntity kind, Object nameOrId) {
        return Lookups.requireNeutron(network, kind, String.valueOf(nameOrId));
    }

    /** @return the tag that marks what one create made */
    static String tag(String key) {
        return "heat-" + key;
    }

    /**
     * One create of one resource: the key that names it, the name Neutron gets, and the name
     * derived from the key when the template gives none (by which a run again finds the resource).
     */
    record Creation(String key, String name, String derivedName) {
        /** A create of a type with a {@code name} property. */
        static Creation of(PluginContext context, String resourceName, Map<String, Object> properties) {
            String key = Calls.creationKey(context, resourceName, properties);
            String name = Calls.name(properties.get("name"), context, resourceName, key);
            return new Creation(key, name, properties.get("name") == null ? name : null);
        }

        /** A create of a type Neutron gives no name (a floating IP). */
        static Creation unnamed(PluginContext context, String resourceName, Map<String, Object> properties) {
            return new Creation(Calls.creationKey(context, resourceName, properties), null, null);
        }
    }

    /** @return the name an update gives: the template's, or the one derived from the create's key */
    static String name(PluginContext context, ResourceState current, Map<String, Object> properties) {
        return Calls.name(properties.get("name"), context, current.name(), key(current));
    }

    /**
     * Makes one {@code kind} from {@code body}, or finds the one an earlier run of this create
     * made: tagged with the key, or named with the derived name.
     *
     * @param tags the template's tags for the resource, or null for none
     * @return the resource as Neutron shows it
     */
    static JsonNode create(ServiceClient network, NeutronEntity kind, Creation creation, Map<String, Object> body,
            Object tags) {
        JsonNode made = findOrMake(network, kind, creation, body);
        return tags == null ? made : retag(network, kind, made.path("id").asString(), creation.key(), tags);
    }

    private static JsonNode findOrMake(ServiceClient network, NeutronEntity kind, Creation creation,
            Map<String, Object> body) {
        String path = "/v2.0/" + kind.collection();
        String key = creation.key();
        for (JsonNode found : network.get(path + "?" + ServiceClient.query("tags", tag(key))).path(kind.plural())) {
            return found;
        }
        if (creation.derivedName() != null) {
            for (JsonNode found : network.get(path + "?" + ServiceClient.query("name", creation.derivedName()))
                    .path(kind.plural())) {
                return tagged(network, kind, found, key);
            }
        }
        return tagged(network, kind, network.post(path, Map.of(kind.singular(), body)).path(kind.singular()), key);
    }

    /** The schema of {@code value_specs}. */
    static PropertySchema valueSpecs(String description) {
        return PropertySchema.of(PropertyType.MAP, description).withDefault(Map.of()).updatable();
    }

    /** The schema of {@code tags}. */
    static PropertySchema tags(NeutronEntity kind) {
        return PropertySchema.of(PropertyType.LIST, "The tags to be added to the " + kind.entity() + ".").updatable();
    }

    private static JsonNode tagged(ServiceClient network, NeutronEntity kind, JsonNode made, String key) {
        String id = made.path("id").asString();
        network.put("/v2.0/" + kind.collection() + "/" + id + "/tags/" + tag(key), null);
        return show(network, kind, id);
    }

    static JsonNode show(ServiceClient network, NeutronEntity kind, String id) {
        return network.get("/v2.0/" + kind.collection() + "/" + Lookups.encode(id)).path(kind.singular());
    }

    /** @return the resource once Neutron took {@code body} as its new attributes */
    static JsonNode update(ServiceClient network, NeutronEntity kind, String id, Map<String, Object> body) {
        if (body.isEmpty()) {
            return show(network, kind, id);
        }
        return network.put("/v2.0/" + kind.collection() + "/" + Lookups.encode(id), Map.of(kind.singular(), body))
                .path(kind.singular());
    }

    /**
     * Replaces the resource's tags with {@code tags} and the create's own tag.
     *
     * @return the resource as Neutron shows it then
     */
    static JsonNode retag(ServiceClient network, NeutronEntity kind, String id, String key, Object tags) {
        List<String> all = new java.util.ArrayList<>();
        if (tags instanceof List<?> given) {
            given.forEach(t -> all.add(String.valueOf(t)));
        }
        all.add(tag(key));
        network.put("/v2.0/" + kind.collection() + "/" + Lookups.encode(id) + "/tags", Map.of("tags", all));
        return show(network, kind, id);
    }

    /**
     * Deletes the resource and waits until it is gone; gone already is fine. One Neutron still
     * finds in use is asked again (see {@link #whileInUse}).
     */
    static void delete(PluginContext context, ServiceClient network, NeutronEntity kind, String id) {
        if (id == null) {
            return;
        }
        String path = "/v2.0/" + kind.collection() + "/" + Lookups.encode(id);
        whileInUse(context, () -> Calls.deleteAndWait(context, network, path));
    }

    /**
     * Runs {@code removal}, again while Neutron refuses it as in use (409) for at most
     * {@link #IN_USE_PATIENCE}: what used the resource (a server's port, a floating IP) may be
     * going away at the same time.
     */
    static void whileInUse(PluginContext context, Runnable removal) {
        Instant deadline = context.clock().instant().plus(IN_USE_PATIENCE);
        while (true) {
            try {
                removal.run();
                return;
            } catch (ResourceFailure e) {
                if (!e.errorType().equals("Conflict") || context.clock().instant().isAfter(deadline)) {
                    throw e;
                }
                context.sleeper().sleep(POLL);
            }
        }
    }

    /**
     * Waits until Neutron has built the resource, as Heat's {@code is_built}: BUILD waits, ACTIVE
     * and DOWN are built, ERROR and anything else fail.
     *
     * @return the resource as Neutron shows it then
     */
    static JsonNode built(PluginContext context, ServiceClient network, NeutronEntity kind, JsonNode made) {
        JsonNode[] last = {made};
        String id = made.path("id").asString();
        Calls.await(context, kind.entity() + " " + id + " being built", () -> {
            if (!last[0].path("status").asString("ACTIVE").equals("BUILD")) {
                return true;
            }
            last[0] = show(network, kind, id);
            return false;
        });
        String status = last[0].path("status").asString("ACTIVE");
        if (status.equals("ERROR")) {
            throw new ResourceFailure("ResourceInError", "Went to status ERROR due to \"Unknown\"");
        }
        if (!status.equals("ACTIVE") && !status.equals("DOWN")) {
            throw new ResourceFailure("ResourceUnknownStatus", "Resource is not built - Unknown status " + status
                    + " due to \"Unknown\"");
        }
        return last[0];
    }

    /**
     * Heat's value_specs: extra keys sent to Neutron as they are, which may not name what the
     * type's own properties (or {@code shared} and {@code tenant_id}) already set.
     *
     * @return {@code body} with the value specs added
     */
    static Map<String, Object> withValueSpecs(Map<String, Object> body, Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        if (properties.get("value_specs") instanceof Map<?, ?> specs) {
            Set<String> banned = new java.util.HashSet<>(properties.keySet());
            banned.addAll(Set.of("shared", "tenant_id"));
            for (Map.Entry<?, ?> e : specs.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (banned.contains(k)) {
                    throw new ResourceFailure("StackValidationFailed", k + " not allowed in value_specs");
                }
                out.put(k, e.getValue());
            }
        }
        return out;
    }

    /** @return the properties' non-null values of {@code names}, keyed as given */
    static Map<String, Object> given(Map<String, Object> properties, String... names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            if (properties.get(n) != null) {
                out.put(n, properties.get(n));
            }
        }
        return out;
    }

    /**
     * @return the entries of {@code body} whose property changed from {@code before} to
     *         {@code after} (keys that are no property come from {@code value_specs}): what an
     *         update sends, as Heat sends only the properties that changed
     */
    static Map<String, Object> changed(Map<String, Object> body, Map<String, Object> before,
            Map<String, Object> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            String property = after.containsKey(k) ? k : "value_specs";
            if (!java.util.Objects.equals(before.get(property), after.get(property))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** @return what a create or update leaves: the id, the key and Neutron's view */
    @SuppressWarnings("unchecked")
    static Applied applied(String key, JsonNode shown) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("neutron", Json.convert(shown, Map.class));
        return new Applied(shown.path("id").asString(), data);
    }

    /** @return the create's key kept with the resource */
    static String key(ResourceState state) {
        return String.valueOf(state.data().get("key"));
    }

    /** @return one of the resource's attributes as Neutron last showed it */
    static Object attribute(ResourceState state, String attribute) {
        if (!(state.data().get("neutron") instanceof Map<?, ?> shown)) {
            return null;
        }
        if (attribute.equals("tenant_id") && shown.get("tenant_id") == null) {
            return shown.get("project_id");
        }
        return shown.get(attribute);
    }
}
