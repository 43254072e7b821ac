package dev.overcast.placement.classes;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.classes.ResourceClassStore.CustomClass;
import dev.overcast.placement.model.StandardResourceClasses;
import dev.overcast.placement.CacheHeaders;

/**
 * Resource classes (microversion 1.2): the standard ones, always there and never changed,
 * and custom ones ({@code CUSTOM_*}) that callers create and delete. {@code PUT
 * /resource_classes/{name}} renames a custom class up to 1.6 and, from 1.7, creates it if it
 * is missing, idempotently.
 */
public final class ResourceClassApi {
    private final PlacementContext ctx;

    public ResourceClassApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** Registers {@code /resource_classes} and {@code /resource_classes/{name}}. */
    public void routes(Routes r) {
        r.get("/resource_classes", this::list)
                .post("/resource_classes", this::create)
                .get("/resource_classes/{name}", this::show)
                .put("/resource_classes/{name}", this::update)
                .delete("/resource_classes/{name}", this::delete);
    }

    /** One class as the API shows it. */
    record View(String name, List<Link> links) {
    }

    record Link(String rel, String href) {
    }

    record ViewList(@JsonProperty("resource_classes") List<View> resourceClasses) {
    }

    private Response list(Request req) {
        requireClasses(req);
        ctx.enforce(req, "placement:resource_classes:list");
        List<CustomClass> custom = ctx.jdbi().withHandle(ResourceClassStore::all);
        List<View> out = new ArrayList<>();
        StandardResourceClasses.ALL.forEach(name -> out.add(view(req, name)));
        Instant lastModified = null;
        for (CustomClass c : custom) {
            out.add(view(req, c.name()));
            if (lastModified == null || c.lastModified().isAfter(lastModified)) {
                lastModified = c.lastModified();
            }
        }
        return CacheHeaders.apply(req, Response.ok(new ViewList(out)),
                lastModified == null ? ctx.clock().instant() : lastModified);
    }

    private Response show(Request req) {
        requireClasses(req);
        ctx.enforce(req, "placement:resource_classes:show");
        String name = req.param("name");
        Instant lastModified;
        if (StandardResourceClasses.isStandard(name)) {
            lastModified = ctx.clock().instant();
        } else {
            lastModified = ctx.jdbi().withHandle(h -> ResourceClassStore.find(h, name))
                    .map(CustomClass::lastModified).orElseThrow(() -> notFound(name));
        }
        return CacheHeaders.apply(req, Response.ok(view(req, name)), lastModified);
    }

    private Response create(Request req) {
        requireClasses(req);
        ctx.enforce(req, "placement:resource_classes:create");
        String name = ctx.schemas().validateObject("resource_class", req.json()).get("name").asString();
        Instant now = ctx.clock().instant();
        boolean created = createIfMissing(name, now);
        if (!created) {
            throw ApiException.conflict("Conflicting resource class already exists: " + name);
        }
        return Response.status(201, null).header("Location", location(req, name));
    }

    private Response update(Request req) {
        requireClasses(req);
        return req.versionAtLeast(1, 7) ? ensure(req) : rename(req);
    }

    /** 1.7+: the class named in the path exists afterwards; 201 if this call made it, 204 if it was there. */
    private Response ensure(Request req) {
        ctx.enforce(req, "placement:resource_classes:update");
        String name = req.param("name");
        var named = Json.object().put("name", name);
        ctx.schemas().validateObject("resource_class", named);
        boolean created = createIfMissing(name, ctx.clock().instant());
        return (created ? Response.status(201, null) : Response.noContent()).header("Location", location(req, name));
    }

    /** 1.2-1.6: renames a custom class, in inventories and allocations too. */
    private Response rename(Request req) {
        ctx.enforce(req, "placement:resource_classes:update");
        String name = req.param("name");
        String newName = ctx.schemas().validateObject("resource_class", req.json()).get("name").asString();
        Instant now = ctx.clock().instant();
        Set<String> touched = ctx.jdbi().inTransaction(h -> {
            if (StandardResourceClasses.isStandard(name)) {
                throw ApiException.badRequest("Cannot update standard resource class " + name);
            }
            if (ResourceClassStore.lock(h, name).isEmpty()) {
                throw notFound(name);
            }
            if (newName.equals(name)) {
                return Set.<String>of();
            }
            if (ResourceClassStore.find(h, newName).isPresent()) {
                throw ApiException.conflict("Resource class already exists: " + newName);
            }
            return ResourceClassStore.rename(h, name, newName, now);
        });
        ctx.index().refresh(touched);
        return Response.ok(view(req, newName));
    }

    private Response delete(Request req) {
        requireClasses(req);
        ctx.enforce(req, "placement:resource_classes:delete");
        String name = req.param("name");
        if (StandardResourceClasses.isStandard(name)) {
            throw ApiException.badRequest("Error in delete resource class: Cannot delete standard resource class "
                    + name + ".");
        }
        ctx.jdbi().useTransaction(h -> {
            if (ResourceClassStore.lock(h, name).isEmpty()) {
                throw notFound(name);
            }
            if (ResourceClassStore.inUse(h, name)) {
                throw ApiException.conflict("Error in delete resource class: Cannot delete resource class " + name
                        + ". Class is in use in inventory.");
            }
            ResourceClassStore.delete(h, name);
        });
        return Response.noContent();
    }

    /**
     * Creates custom class {@code name} unless it exists; true when this call created it. A
     * concurrent creator's insert makes ours fail: the class then exists, which is the answer.
     */
    private boolean createIfMissing(String name, Instant now) {
        try {
            return ctx.jdbi().inTransaction(h -> {
                if (ResourceClassStore.find(h, name).isPresent()) {
                    return false;
                }
                ResourceClassStore.insert(h, name, now);
                return true;
            });
        } catch (RuntimeException e) {
            Optional<CustomClass> existing = ctx.jdbi().withHandle(h -> ResourceClassStore.find(h, name));
            if (existing.isEmpty()) {
                throw e;
            }
            return false;
        }
    }

    private static void requireClasses(Request req) {
        if (!req.versionAtLeast(1, 2)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private static View view(Request req, String name) {
        return new View(name, List.of(new Link("self", URI.create(req.serviceUrl()).getPath()
                + "/resource_classes/" + name)));
    }

    private static String location(Request req, String name) {
        return req.serviceUrl() + "/resource_classes/" + name;
    }

    private static ApiException notFound(String name) {
        return ApiException.notFound("No such resource class " + name + ".");
    }
}
