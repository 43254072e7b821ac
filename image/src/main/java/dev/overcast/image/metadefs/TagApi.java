package dev.overcast.image.metadefs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tag definitions: names only, created one at a time or as a set. */
final class TagApi {
    private static final String PATH = "/v2/metadefs/namespaces/{namespace}/tags";
    private static final Map<String, Comparator<Rows.Tag>> SORT_KEYS = Map.of(
            "created_at", Comparator.comparing(Rows.Tag::createdAt),
            "updated_at", Comparator.comparing(Rows.Tag::updatedAt),
            "name", Comparator.comparing(Rows.Tag::name));

    private final ImageContext ctx;
    private final Namespaces namespaces;

    TagApi(ImageContext ctx, Namespaces namespaces) {
        this.ctx = ctx;
        this.namespaces = namespaces;
    }

    void routes(Routes r) {
        r.get(PATH, this::list)
                .post(PATH, this::createMany)
                .delete(PATH, this::deleteAll)
                .post(PATH + "/{tag_name}", this::create)
                .get(PATH + "/{tag_name}", this::show)
                .put(PATH + "/{tag_name}", this::update)
                .delete(PATH + "/{tag_name}", this::delete);
    }

    private Response list(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_tags");
        List<Rows.Tag> rows = ctx.jdbi().withExtension(MetadefStore.class, s -> s.tags(ns.id()));
        return Response.ok(tags(Page.of(req, rows, SORT_KEYS, Rows.Tag::name).items()));
    }

    /**
     * {@code {"tags": [{"name": ...}, ...]}} replaces the namespace's tags, or with header
     * {@code X-Openstack-Append: true} adds to them. A name twice in the body, or (when
     * appending) one the namespace holds, is a 409 and nothing changes.
     */
    private Response createMany(Request req) {
        JsonNode tags = req.json().get("tags");
        if (tags == null || !tags.isArray()) {
            throw ApiException.badRequest("Tags to be created not specified: send {\"tags\": [{\"name\": ...}]}.");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tags) {
            ctx.schemas().validateObject("published/metadefs-tag", tag);
            names.add(tag.get("name").asString());
        }
        Set<String> seen = new HashSet<>();
        names.stream().filter(n -> !seen.add(n)).findFirst().ifPresent(duplicate -> {
            throw ApiException.conflict("A metadata tag with name=" + duplicate
                    + " is given more than once in the request.");
        });
        boolean append = req.header("X-Openstack-Append").map(Boolean::parseBoolean).orElse(false);
        Rows.Namespace ns = namespaces.find(req, "add_metadef_tags");
        Instant now = ctx.clock().instant();
        List<Rows.Tag> created = names.stream().map(n -> new Rows.Tag(ns.id(), n, now, now)).toList();
        ctx.jdbi().useTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            if (!append) {
                store.deleteTags(ns.id());
            }
            created.forEach(t -> Definitions.add(store, ns, t));
        });
        return Response.created(tags(created));
    }

    private Response create(Request req) {
        Rows.Namespace ns = namespaces.find(req, "add_metadef_tag");
        String name = req.param("tag_name");
        if (name.length() > 255) {
            throw ApiException.badRequest("A tag name is at most 255 characters.");
        }
        Instant now = ctx.clock().instant();
        Rows.Tag row = new Rows.Tag(ns.id(), name, now, now);
        ctx.jdbi().useTransaction(h -> Definitions.add(h.attach(MetadefStore.class), ns, row));
        return Response.created(Views.tag(row));
    }

    private Response show(Request req) {
        Rows.Namespace ns = namespaces.find(req, "get_metadef_tag");
        return Response.ok(Views.tag(tag(ns, req.param("tag_name"))));
    }

    private Response update(Request req) {
        JsonNode body = ctx.schemas().validateObject("published/metadefs-tag", req.json());
        Rows.Namespace ns = namespaces.find(req, "modify_metadef_tag");
        String oldName = req.param("tag_name");
        Rows.Tag updated = ctx.jdbi().inTransaction(h -> {
            MetadefStore store = h.attach(MetadefStore.class);
            Rows.Tag old = store.tag(ns.id(), oldName).orElseThrow(() -> notFound(ns, oldName));
            Rows.Tag row = new Rows.Tag(ns.id(), body.get("name").asString(), old.createdAt(), ctx.clock().instant());
            if (!row.name().equals(oldName) && store.tag(ns.id(), row.name()).isPresent()) {
                throw Definitions.tagExists(ns, row.name());
            }
            store.update(oldName, row);
            return row;
        });
        return Response.ok(Views.tag(updated));
    }

    private Response delete(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_tag");
        String name = req.param("tag_name");
        tag(ns, name);
        Namespaces.requireUnprotected(ns, "Tag " + name);
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteTag(ns.id(), name));
        return Response.noContent();
    }

    private Response deleteAll(Request req) {
        Rows.Namespace ns = namespaces.find(req, "delete_metadef_tags");
        Namespaces.requireUnprotected(ns, "Tags");
        ctx.jdbi().useExtension(MetadefStore.class, s -> s.deleteTags(ns.id()));
        return Response.noContent();
    }

    private Rows.Tag tag(Rows.Namespace ns, String name) {
        return ctx.jdbi().withExtension(MetadefStore.class, s -> s.tag(ns.id(), name))
                .orElseThrow(() -> notFound(ns, name));
    }

    private static ObjectNode tags(List<Rows.Tag> rows) {
        ObjectNode out = Json.object();
        var list = out.putArray("tags");
        rows.forEach(t -> list.add(Views.tag(t)));
        return out;
    }

    private static ApiException notFound(Rows.Namespace ns, String name) {
        return ApiException.notFound("Metadata definition tag=" + name + " was not found in namespace="
                + ns.name() + ".");
    }
}
