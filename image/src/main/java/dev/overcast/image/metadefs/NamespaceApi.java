package dev.overcast.image.metadefs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Namespaces: list, create (with any definitions in it), show, replace, delete. */
final class NamespaceApi {
    private static final Map<String, Comparator<Rows.Namespace>> SORT_KEYS = Map.of(
            "created_at", Comparator.comparing(Rows.Namespace::createdAt),
            "updated_at", Comparator.comparing(Rows.Namespace::updatedAt),
            "namespace", Comparator.comparing(Rows.Namespace::name),
            "display_name", Comparator.comparing(Rows.Namespace::displayName,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
    private static final Set<String> PAGING = Set.of("limit", "sort_key", "sort_dir", "visibility", "resource_types");

    private final ImageContext ctx;
    private final Namespaces namespaces;

    NamespaceApi(ImageContext ctx, Namespaces namespaces) {
        this.ctx = ctx;
        this.namespaces = namespaces;
    }

    void routes(Routes r) {
        r.get("/v2/metadefs/namespaces", this::list)
                .post("/v2/metadefs/namespaces", this::create)
                .get("/v2/metadefs/namespaces/{namespace}", this::show)
                .put("/v2/metadefs/namespaces/{namespace}", this::update)
                .delete("/v2/metadefs/namespaces/{namespace}", this::delete);
    }

    private Response list(Request req) {
        AuthContext auth = ctx.enforce(req, "get_metadef_namespaces", Map.of());
        Map<String, List<Rows.Association>> associations = new LinkedHashMap<>();
        List<Rows.Namespace> all = ctx.jdbi().withExtension(MetadefStore.class, s -> {
            s.allAssociations().forEach(a ->
                    associations.computeIfAbsent(a.namespaceId(), k -> new java.util.ArrayList<>()).add(a));
            return s.visibleNamespaces(namespaces.isAdmin(auth), auth.projectId());
        });
        Set<String> types = req.query("resource_types")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).collect(Collectors.toSet()))
                .orElse(null);
        List<Rows.Namespace> matching = all.stream()
                .filter(ns -> req.query("visibility").map(ns.visibility()::equals).orElse(true))
                .filter(ns -> types == null || associations.getOrDefault(ns.id(), List.of()).stream()
                        .anyMatch(a -> types.contains(a.resourceType())))
                .toList();
        Page<Rows.Namespace> page = Page.of(req, matching, SORT_KEYS, Rows.Namespace::name);

        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("namespaces");
        page.items().forEach(ns -> list.add(Views.namespace(ns, associations.getOrDefault(ns.id(), List.of()))));
        out.put("first", "/v2/metadefs/namespaces");
        out.put("schema", "/v2/schemas/metadefs/namespaces");
        if (page.more()) {
            out.put("next", "/v2/metadefs/namespaces?" + nextQuery(req, page.items().getLast().name()));
        }
        return Response.ok(out);
    }

    private static String nextQuery(Request req, String marker) {
        Map<String, String> params = new LinkedHashMap<>();
        PAGING.stream().sorted().forEach(p -> req.query(p).ifPresent(v -> params.put(p, v)));
        params.put("marker", marker);
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Response create(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-namespace", req.json());
        AuthContext auth = req.auth();
        String owner = owner(auth, body);
        Instant now = ctx.clock().instant();
        Rows.Namespace ns = new Rows.Namespace(UUID.randomUUID().toString(), Views.text(body, "namespace"),
                Views.text(body, "display_name"), Views.text(body, "description"),
                body.has("visibility") ? body.get("visibility").asString() : "private",
                body.has("protected") && body.get("protected").asBoolean(), owner, now, now);
        ctx.enforce(req, "add_metadef_namespace", ns.target());
        ctx.jdbi().useTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            if (store.namespace(ns.name()).isPresent()) {
                throw exists(ns.name());
            }
            store.insert(ns);
            addContents(store, ns, body, now);
        });
        return Response.created(detail(ns, null));
    }

    /** The definitions a namespace may be created with. */
    private static void addContents(MetadefStore store, Rows.Namespace ns, JsonNode body, Instant now) {
        for (JsonNode association : iterable(body.get("resource_type_associations"))) {
            if (Views.text(association, "name") == null) {
                throw ApiException.badRequest("A resource type association needs a name.");
            }
            Definitions.associate(store, ns, association, now);
        }
        JsonNode properties = body.get("properties");
        if (properties != null) {
            properties.properties().forEach(e ->
                    Definitions.add(store, ns, Definitions.property(ns, e.getKey(), e.getValue(), now)));
        }
        for (JsonNode object : iterable(body.get("objects"))) {
            if (Views.text(object, "name") == null) {
                throw ApiException.badRequest("An object needs a name.");
            }
            Definitions.add(store, ns, Definitions.object(ns, object, now));
        }
        for (JsonNode tag : iterable(body.get("tags"))) {
            String name = Views.text(tag, "name");
            if (name == null) {
                throw ApiException.badRequest("A tag needs a name.");
            }
            Definitions.add(store, ns, new Rows.Tag(ns.id(), name, now, now));
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null || array.isNull() ? List.of() : array;
    }

    /** The owner a body asks for, or the caller's project; only admins give namespaces away. */
    private String owner(AuthContext auth, JsonNode body) {
        String asked = Views.text(body, "owner");
        if (asked == null || asked.equals(auth.projectId())) {
            return auth.projectId();
        }
        if (!namespaces.isAdmin(auth)) {
            throw ApiException.forbidden("You are not permitted to create or change a namespace owned by '"
                    + asked + "'.");
        }
        return asked;
    }

    private Response show(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_namespace");
        return Response.ok(detail(ns, req.query("resource_type").orElse(null)));
    }

    /**
     * A namespace with everything in it. Given a resource type it is associated with, property
     * names carry that association's prefix, as they are to be set on that resource type.
     */
    private ObjectNode detail(Rows.Namespace ns, String resourceType) {
        return ctx.jdbi().withExtension(MetadefStore.class, s -> {
            List<Rows.Association> associations = s.associations(ns.id());
            String prefix = resourceType == null ? "" : associations.stream()
                    .filter(a -> a.resourceType().equals(resourceType) && a.prefix() != null)
                    .map(Rows.Association::prefix).findFirst().orElse("");
            ObjectNode out = Views.namespace(ns, associations);
            List<Rows.Property> properties = s.properties(ns.id());
            if (!properties.isEmpty()) {
                ObjectNode map = out.putObject("properties");
                properties.forEach(p -> map.set(prefix + p.name(), Views.propertyBody(p)));
            }
            List<Rows.MetadefObject> objects = s.objects(ns.id());
            if (!objects.isEmpty()) {
                ArrayNode list = out.putArray("objects");
                objects.forEach(o -> list.add(prefixed(Views.object(ns, o), prefix)));
            }
            List<Rows.Tag> tags = s.tags(ns.id());
            if (!tags.isEmpty()) {
                ArrayNode list = out.putArray("tags");
                tags.forEach(t -> list.addObject().put("name", t.name()));
            }
            return out;
        });
    }

    private static ObjectNode prefixed(ObjectNode object, String prefix) {
        if (prefix.isEmpty()) {
            return object;
        }
        ObjectNode renamed = Json.object();
        object.get("properties").properties().forEach(e -> renamed.set(prefix + e.getKey(), e.getValue()));
        object.set("properties", renamed);
        ArrayNode required = Json.array();
        object.get("required").forEach(n -> required.add(prefix + n.asString()));
        object.set("required", required);
        return object;
    }

    /**
     * Glance's PUT replaces: unset optional fields go back to their defaults. Unlike Glance, an
     * unset owner stays as it was rather than becoming the caller's project, so an admin's
     * edit does not take a project's private namespace away from it.
     */
    private Response update(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-namespace", req.json());
        Rows.Namespace ns = namespaces.find(req, "modify_metadef_namespace");
        Rows.Namespace updated = new Rows.Namespace(ns.id(), Views.text(body, "namespace"),
                Views.text(body, "display_name"), Views.text(body, "description"),
                body.has("visibility") ? body.get("visibility").asString() : "private",
                body.has("protected") && body.get("protected").asBoolean(),
                body.has("owner") ? owner(req.auth(), body) : ns.owner(), ns.createdAt(), ctx.clock().instant());
        ctx.jdbi().useTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            if (!updated.name().equals(ns.name()) && store.namespace(updated.name()).isPresent()) {
                throw exists(updated.name());
            }
            store.update(updated);
        });
        return Response.ok(detail(updated, null));
    }

    private Response delete(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_namespace");
        if (ns.isProtected()) {
            throw ApiException.forbidden("Namespace " + ns.name() + " is protected and cannot be deleted.");
        }
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteNamespace(ns.id()));
        return Response.noContent();
    }

    private static ApiException exists(String name) {
        return ApiException.conflict("Metadata definition namespace=" + name + " already exists.");
    }
}
