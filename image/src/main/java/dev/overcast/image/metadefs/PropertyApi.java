package dev.overcast.image.metadefs;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property definitions: a name and a JSON Schema fragment (title, type, enum, bounds...) for
 * one metadata key. The catalog stores the fragment; it never checks values against it.
 */
final class PropertyApi {
    private static final String PATH = "/v2/metadefs/namespaces/{namespace}/properties";

    private final ImageContext ctx;
    private final Namespaces namespaces;

    PropertyApi(ImageContext ctx, Namespaces namespaces) {
        this.ctx = ctx;
        this.namespaces = namespaces;
    }

    void routes(Routes r) {
        r.get(PATH, this::list)
                .post(PATH, this::create)
                .delete(PATH, this::deleteAll)
                .get(PATH + "/{property_name}", this::show)
                .put(PATH + "/{property_name}", this::update)
                .delete(PATH + "/{property_name}", this::delete);
    }

    /** Glance lists properties as a map from name to definition, not as an array. */
    private Response list(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_properties");
        ObjectNode out = Json.object();
        ObjectNode properties = out.putObject("properties");
        ctx.jdbi().withExtension(MetadefStore.class, s -> s.properties(ns.id()))
                .forEach(p -> properties.set(p.name(), Views.propertyBody(p)));
        return Response.ok(out);
    }

    private Response create(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-property", req.json());
        Rows.Namespace ns = namespaces.find(req, "add_metadef_property");
        Rows.Property row = Definitions.property(ns, Views.text(body, "name"), body, ctx.clock().instant());
        ctx.jdbi().useTransaction(h -> Definitions.add(h.attach(MetadefStore.class), ns, row));
        return Response.created(Views.property(row, row.name()));
    }

    /**
     * Given {@code resource_type}, the name may carry that association's prefix (as it is set
     * on the resource), and the property is shown under the name it was asked for.
     */
    private Response show(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_property");
        String asked = req.param("property_name");
        String name = req.query("resource_type")
                .flatMap(type -> ctx.jdbi().withExtension(MetadefStore.class, s -> s.association(ns.id(), type)))
                .map(Rows.Association::prefix)
                .filter(prefix -> asked.startsWith(prefix))
                .map(prefix -> asked.substring(prefix.length()))
                .orElse(asked);
        return Response.ok(Views.property(property(ns, name), asked));
    }

    private Response update(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-property", req.json());
        Rows.Namespace ns = namespaces.find(req, "modify_metadef_property");
        String oldName = req.param("property_name");
        Rows.Property updated = ctx.jdbi().inTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            Rows.Property old = store.property(ns.id(), oldName).orElseThrow(() -> notFound(ns, oldName));
            Rows.Property fresh = Definitions.property(ns, Views.text(body, "name"), body, ctx.clock().instant());
            Rows.Property row = new Rows.Property(ns.id(), fresh.name(), fresh.definition(), old.createdAt(),
                    fresh.updatedAt());
            if (!row.name().equals(oldName) && store.property(ns.id(), row.name()).isPresent()) {
                throw Definitions.propertyExists(ns, row.name());
            }
            store.update(oldName, row);
            return row;
        });
        return Response.ok(Views.property(updated, updated.name()));
    }

    private Response delete(Request req) {
        Rows.Namespace ns = namespaces.find(req, "remove_metadef_property");
        String name = req.param("property_name");
        property(ns, name);
        Namespaces.requireUnprotected(ns, "Property " + name);
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteProperty(ns.id(), name));
        return Response.noContent();
    }

    /** As Glance, deleting every property takes the right to delete the namespace. */
    private Response deleteAll(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_namespace");
        Namespaces.requireUnprotected(ns, "Properties");
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteProperties(ns.id()));
        return Response.noContent();
    }

    private Rows.Property property(Rows.Namespace ns, String name) {
        return ctx.jdbi().withExtension(MetadefStore.class, s -> s.property(ns.id(), name))
                .orElseThrow(() -> notFound(ns, name));
    }

    private static ApiException notFound(Rows.Namespace ns, String name) {
        return ApiException.notFound("Metadata definition property=" + name + " was not found in namespace="
                + ns.name() + ".");
    }
}
