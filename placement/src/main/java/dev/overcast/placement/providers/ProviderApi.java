package dev.overcast.placement.providers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderJson;
import dev.overcast.placement.model.ProviderWrites;
import tools.jackson.databind.JsonNode;

/**
 * One resource provider: create, show, rename or re-parent, delete. (Listing with filters
 * lives with allocation candidates, which share its matching.)
 */
public final class ProviderApi {
    private final PlacementContext ctx;

    public ProviderApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.post("/resource_providers", this::create)
                .get("/resource_providers/{uuid}", this::show)
                .put("/resource_providers/{uuid}", this::update)
                .delete("/resource_providers/{uuid}", this::delete);
    }

    private Response create(Request req) {
        ctx.enforce(req, "placement:resource_providers:create");
        JsonNode body = ctx.schemas().validateObject("provider_create", req.json());
        if (body.has("parent_provider_uuid") && !req.versionAtLeast(1, 14)) {
            throw ApiException.badRequest("JSON does not validate: Additional properties are not allowed "
                    + "('parent_provider_uuid' was unexpected)");
        }
        String uuid = body.hasNonNull("uuid") ? canonical(body.get("uuid").asString()) : UUID.randomUUID().toString();
        String name = body.get("name").asString();
        String parent = body.hasNonNull("parent_provider_uuid")
                ? canonical(body.get("parent_provider_uuid").asString()) : null;
        Instant now = ctx.clock().instant();
        ctx.jdbi().useTransaction(h -> ProviderWrites.insertProvider(h, uuid, name, parent, now));
        ctx.index().refresh(List.of(uuid));
        // Absolute, as WebOb writes upstream's: clients follow it as is.
        String location = req.serviceUrl() + "/resource_providers/" + uuid;
        if (!req.versionAtLeast(1, 20)) {
            return Response.status(201, null).header("Location", location);
        }
        Provider p = ctx.provider(uuid);
        return render(req, p).header("Location", location);
    }

    private Response show(Request req) {
        ctx.enforce(req, "placement:resource_providers:show");
        Provider p = ctx.provider(req.param("uuid"));
        return render(req, p);
    }

    private Response update(Request req) {
        ctx.enforce(req, "placement:resource_providers:update");
        String uuid = req.param("uuid");
        Provider before = ctx.provider(uuid);
        JsonNode body = ctx.schemas().validateObject("provider_update", req.json());
        if (body.has("parent_provider_uuid") && !req.versionAtLeast(1, 14)) {
            throw ApiException.badRequest("JSON does not validate: Additional properties are not allowed "
                    + "('parent_provider_uuid' was unexpected)");
        }
        String name = body.get("name").asString();
        boolean parentGiven = body.has("parent_provider_uuid");
        String parent = body.hasNonNull("parent_provider_uuid")
                ? canonical(body.get("parent_provider_uuid").asString()) : null;
        Instant now = ctx.clock().instant();
        List<String> touched = ctx.jdbi().inTransaction(h -> {
            ProviderWrites.lockGeneration(h, uuid);
            if (!name.equals(before.name()) && ProviderWrites.exists(h, "name", name)) {
                throw PlacementErrors.conflict("Conflicting resource provider name: " + name + " already exists.",
                        PlacementErrors.DUPLICATE_NAME);
            }
            h.createUpdate("update resource_provider set name = :name, updated_at = :now where uuid = :uuid")
                    .bind("name", name).bind("now", now).bind("uuid", uuid).execute();
            if (parentGiven && !Objects.equals(parent, before.parentUuid())) {
                return reparent(h, req, before, parent, now);
            }
            return List.of(uuid);
        });
        ctx.index().refresh(touched);
        Provider p = ctx.provider(uuid);
        return render(req, p);
    }

    /**
     * Before 1.37 a provider may only gain a parent it did not have; from 1.37 it may move to
     * any provider outside its own subtree, or become a root. Its whole subtree moves with it.
     */
    private List<String> reparent(Handle h, Request req, Provider p, String parent, Instant now) {
        if (!req.versionAtLeast(1, 37) && p.parentUuid() != null) {
            throw ApiException.badRequest("Unable to save resource provider " + p.uuid()
                    + ": Object action update failed because: re-parenting a provider is not currently allowed.");
        }
        List<String> subtree = subtree(h, p.uuid());
        if (parent != null && subtree.contains(parent)) {
            throw ApiException.badRequest("Unable to save resource provider " + p.uuid()
                    + ": Object action update failed because: creating loop in the provider tree is not allowed.");
        }
        String root = parent == null ? p.uuid() : ProviderWrites.rootOf(h, parent);
        h.createUpdate("update resource_provider set parent_uuid = :parent where uuid = :uuid")
                .bind("parent", parent).bind("uuid", p.uuid()).execute();
        h.createUpdate("update resource_provider set root_uuid = :root, updated_at = :now where uuid in (<uuids>)")
                .bind("root", root).bind("now", now).bindList("uuids", subtree).execute();
        return subtree;
    }

    private Response delete(Request req) {
        ctx.enforce(req, "placement:resource_providers:delete");
        String uuid = req.param("uuid");
        ctx.provider(uuid);
        ctx.jdbi().useTransaction(h -> ProviderWrites.deleteProvider(h, uuid));
        ctx.index().refresh(List.of(uuid));
        return Response.noContent();
    }

    private static Response render(Request req, Provider p) {
        return CacheHeaders.apply(req, Response.ok(ProviderJson.render(p, req.version(),
                ProviderJson.linkPrefix(req.serviceUrl()))), p.updatedAt());
    }

    /** The provider and everything below it. */
    private static List<String> subtree(Handle h, String uuid) {
        List<String> out = new java.util.ArrayList<>(List.of(uuid));
        for (int i = 0; i < out.size(); i++) {
            out.addAll(h.createQuery("select uuid from resource_provider where parent_uuid = :uuid")
                    .bind("uuid", out.get(i)).mapTo(String.class).list());
        }
        return out;
    }

    /** Upstream accepts uuids with or without dashes and stores the dashed form. */
    public static String canonical(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
