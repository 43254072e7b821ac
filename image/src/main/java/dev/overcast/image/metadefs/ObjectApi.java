package dev.overcast.image.metadefs;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Object definitions: named groups of property definitions, some of them required. */
final class ObjectApi {
    private static final String PATH = "/v2/metadefs/namespaces/{namespace}/objects";
    private static final Map<String, Comparator<Rows.MetadefObject>> SORT_KEYS = Map.of(
            "created_at", Comparator.comparing(Rows.MetadefObject::createdAt),
            "updated_at", Comparator.comparing(Rows.MetadefObject::updatedAt),
            "name", Comparator.comparing(Rows.MetadefObject::name));

    private final ImageContext ctx;
    private final Namespaces namespaces;

    ObjectApi(ImageContext ctx, Namespaces namespaces) {
        this.ctx = ctx;
        this.namespaces = namespaces;
    }

    void routes(Routes r) {
        r.get(PATH, this::list)
                .post(PATH, this::create)
                .delete(PATH, this::deleteAll)
                .get(PATH + "/{object_name}", this::show)
                .put(PATH + "/{object_name}", this::update)
                .delete(PATH + "/{object_name}", this::delete);
    }

    private Response list(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_objects");
        ObjectNode out = Json.object();
        var objects = out.putArray("objects");
        Page.of(req, ctx.jdbi().withExtension(MetadefStore.class, s -> s.objects(ns.id())), SORT_KEYS,
                Rows.MetadefObject::name).items().forEach(o -> objects.add(Views.object(ns, o)));
        out.put("schema", "/v2/schemas/metadefs/objects");
        return Response.ok(out);
    }

    private Response create(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-object", req.json());
        Rows.Namespace ns = namespaces.find(req, "add_metadef_object");
        Rows.MetadefObject row = Definitions.object(ns, body, ctx.clock().instant());
        ctx.jdbi().useTransaction(h -> Definitions.add(h.attach(MetadefStore.class), ns, row));
        return Response.created(Views.object(ns, row));
    }

    private Response show(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_object");
        return Response.ok(Views.object(ns, object(ns, req.param("object_name"))));
    }

    private Response update(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-object", req.json());
        Rows.Namespace ns = namespaces.find(req, "modify_metadef_object");
        String oldName = req.param("object_name");
        Rows.MetadefObject updated = ctx.jdbi().inTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            Rows.MetadefObject old = store.object(ns.id(), oldName).orElseThrow(() -> notFound(ns, oldName));
            Instant now = ctx.clock().instant();
            Rows.MetadefObject fresh = Definitions.object(ns, body, now);
            Rows.MetadefObject row = new Rows.MetadefObject(ns.id(), fresh.name(), fresh.description(),
                    fresh.required(), fresh.properties(), old.createdAt(), now);
            if (!row.name().equals(oldName) && store.object(ns.id(), row.name()).isPresent()) {
                throw Definitions.objectExists(ns, row.name());
            }
            store.update(oldName, row);
            return row;
        });
        return Response.ok(Views.object(ns, updated));
    }

    private Response delete(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_object");
        String name = req.param("object_name");
        object(ns, name);
        Namespaces.requireUnprotected(ns, "Object " + name);
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteObject(ns.id(), name));
        return Response.noContent();
    }

    /** As Glance, deleting every object takes the right to delete the namespace. */
    private Response deleteAll(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_namespace");
        Namespaces.requireUnprotected(ns, "Objects");
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteObjects(ns.id()));
        return Response.noContent();
    }

    private Rows.MetadefObject object(Rows.Namespace ns, String name) {
        return ctx.jdbi().withExtension(MetadefStore.class, s -> s.object(ns.id(), name))
                .orElseThrow(() -> notFound(ns, name));
    }

    private static ApiException notFound(Rows.Namespace ns, String name) {
        return ApiException.notFound("Metadata definition object=" + name + " was not found in namespace="
                + ns.name() + ".");
    }
}
