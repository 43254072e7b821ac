package dev.overcast.image.metadefs;

import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resource types (OS::Glance::Image, OS::Nova::Flavor...) and which namespaces apply to them.
 * The catalog starts with Glance's seeded types; associating an unknown type registers it.
 */
final class ResourceTypeApi {
    private static final String PATH = "/v2/metadefs/namespaces/{namespace}/resource_types";

    private final ImageContext ctx;
    private final Namespaces namespaces;

    ResourceTypeApi(ImageContext ctx, Namespaces namespaces) {
        this.ctx = ctx;
        this.namespaces = namespaces;
    }

    void routes(Routes r) {
        r.get("/v2/metadefs/resource_types", this::listTypes)
                .get(PATH, this::list)
                .post(PATH, this::associate)
                .delete(PATH + "/{resource_type}", this::dissociate);
    }

    private Response listTypes(Request req) {
        ctx.enforce(req, "list_metadef_resource_types", Map.of());
        ObjectNode out = Json.object();
        var list = out.putArray("resource_types");
        ctx.jdbi().withExtension(MetadefStore.class, MetadefStore::resourceTypes)
                .forEach(t -> list.add(Views.resourceType(t)));
        return Response.ok(out);
    }

    private Response list(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_resource_type");
        ObjectNode out = Json.object();
        var list = out.putArray("resource_type_associations");
        ctx.jdbi().withExtension(MetadefStore.class, s -> s.associations(ns.id()))
                .forEach(a -> list.add(Views.association(a)));
        return Response.ok(out);
    }

    private Response associate(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-resource_type", req.json());
        Rows.Namespace ns = namespaces.find(req, "add_metadef_resource_type_association");
        Rows.Association row = ctx.jdbi().inTransaction(h ->
                Definitions.associate(h.attach(MetadefStore.class), ns, body, ctx.clock().instant()));
        return Response.created(Views.association(row));
    }

    private Response dissociate(Request req) {
        Rows.Namespace ns = namespaces.find(req, "remove_metadef_resource_type_association");
        String type = req.param("resource_type");
        if (ctx.jdbi().withExtension(MetadefStore.class, s -> s.association(ns.id(), type)).isEmpty()) {
            throw ApiException.notFound("Failed to find resource type " + type + " associated with namespace "
                    + ns.name() + ".");
        }
        Namespaces.requireUnprotected(ns, "The association with resource type " + type);
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteAssociation(ns.id(), type));
        return Response.noContent();
    }
}
