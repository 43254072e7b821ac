package dev.overcast.network.tags;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Attributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neutron's standard-attr-tag API on every registered collection:
 * {@code /v2.0/{collection}/{id}/tags} GET, PUT (replace all), DELETE (remove all), and
 * {@code /tags/{tag}} GET (204 or 404), PUT (add), DELETE (remove).
 */
public final class Tags implements NetworkFeature {
    private static final int MAX_TAG_LENGTH = 255;

    private final NetworkContext ctx;
    private final Map<String, Taggable> collections;

    /** @param collections collection name (as in the URL, e.g. {@code networks}) → its access checks */
    public Tags(NetworkContext ctx, Map<String, Taggable> collections) {
        this.ctx = ctx;
        this.collections = Map.copyOf(collections);
    }

    @Override
    public void routes(Routes r) {
        for (String collection : collections.keySet()) {
            String base = "/v2.0/" + collection + "/{id}/tags";
            r.get(base, req -> list(req, collection))
                    .put(base, req -> replace(req, collection))
                    .delete(base, req -> removeAll(req, collection))
                    .get(base + "/{tag}", req -> show(req, collection))
                    .put(base + "/{tag}", req -> add(req, collection))
                    .delete(base + "/{tag}", req -> remove(req, collection));
        }
    }

    @Override
    public List<Extension> extensions() {
        return List.of(new Extension("standard-attr-tag", "Tag support for resources with standard attribute: "
                + String.join(", ", collections.keySet().stream().sorted().toList()),
                "Enables to set tag on resources with standard attribute."));
    }

    private Response list(Request req, String collection) {
        String id = req.param("id");
        List<String> tags = Transactions.read(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, false);
            return TagStore.tagsOf(h, collection, id);
        });
        ObjectNode out = Json.object();
        var list = out.putArray("tags");
        tags.forEach(list::add);
        return Response.ok(out);
    }

    private Response show(Request req, String collection) {
        String id = req.param("id");
        String tag = req.param("tag");
        boolean has = Transactions.read(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, false);
            return TagStore.has(h, collection, id, tag);
        });
        if (!has) {
            throw NeutronErrors.of(404, "TagNotFound", "Tag " + tag + " could not be found.");
        }
        return Response.noContent();
    }

    private Response replace(Request req, String collection) {
        String id = req.param("id");
        Set<String> tags = readTags(req);
        Transactions.write(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, true);
            TagStore.removeAll(h, collection, id);
            tags.forEach(tag -> TagStore.add(h, collection, id, tag));
            return null;
        });
        ObjectNode out = Json.object();
        var list = out.putArray("tags");
        tags.stream().sorted().forEach(list::add);
        return Response.ok(out);
    }

    private Response add(Request req, String collection) {
        String id = req.param("id");
        String tag = validTag(req.param("tag"));
        Transactions.write(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, true);
            TagStore.add(h, collection, id, tag);
            return null;
        });
        return Response.status(201, null);
    }

    private Response remove(Request req, String collection) {
        String id = req.param("id");
        String tag = req.param("tag");
        int removed = Transactions.write(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, true);
            return TagStore.remove(h, collection, id, tag);
        });
        if (removed == 0) {
            throw NeutronErrors.of(404, "TagNotFound", "Tag " + tag + " could not be found.");
        }
        return Response.noContent();
    }

    private Response removeAll(Request req, String collection) {
        String id = req.param("id");
        Transactions.write(ctx.jdbi(), h -> {
            collections.get(collection).check(h, req, id, true);
            TagStore.removeAll(h, collection, id);
            return null;
        });
        return Response.noContent();
    }

    private static Set<String> readTags(Request req) {
        JsonNode body = req.hasBody() ? req.json() : null;
        if (body == null || !body.isObject() || !body.has("tags") || !body.get("tags").isArray()) {
            throw Attributes.invalid("tags", "Validation of dictionary's keys failed. Expected keys: {'tags'}");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode t : body.get("tags")) {
            if (!t.isString()) {
                throw Attributes.invalid("tags", "'" + Attributes.show(t) + "' is not a valid string");
            }
            tags.add(validTag(t.asString()));
        }
        return tags;
    }

    private static String validTag(String tag) {
        if (tag.isEmpty()) {
            throw Attributes.invalid("tags", "'' Blank strings are not permitted");
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            throw Attributes.invalid("tags", "'" + tag + "' exceeds maximum length of " + MAX_TAG_LENGTH);
        }
        if (tag.contains(",")) {
            throw Attributes.invalid("tags", "'" + tag + "' contains a comma, which tag filters use as a separator");
        }
        return tag;
    }
}
