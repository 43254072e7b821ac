package dev.overcast.placement.traits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.traits.TraitCatalog.CustomTrait;

/**
 * Traits (microversion 1.6): {@code /traits} and {@code /traits/{name}}, and, through
 * {@link ProviderTraitApi}, a provider's traits. Standard traits always exist and cannot be
 * deleted; custom ones are created by {@code PUT} and deleted when no provider has them.
 */
public final class TraitApi {
    /** Upstream's rule for a custom trait's name: {@code CUSTOM_} then A-Z, 0-9 and _, at most 255 characters. */
    private static final Pattern CUSTOM = Pattern.compile("CUSTOM_[A-Z0-9_]+");
    private static final int MAX_LENGTH = 255;

    private final PlacementContext ctx;

    public TraitApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** Registers {@code /traits*} and {@code /resource_providers/{uuid}/traits}. */
    public void routes(Routes r) {
        r.get("/traits", this::list)
                .get("/traits/{name}", this::show)
                .put("/traits/{name}", this::create)
                .delete("/traits/{name}", this::delete);
        new ProviderTraitApi(ctx).routes(r);
    }

    /** Traits exist from 1.6; below it their routes answer 404 as unknown paths do. */
    static void requireTraits(Request req) {
        if (!req.versionAtLeast(1, 6)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private Response list(Request req) {
        requireTraits(req);
        ctx.enforce(req, "placement:traits:list");
        TraitQuery query = TraitQuery.parse(req.queryParams());
        record Snapshot(List<CustomTrait> custom, Set<String> associated) {
        }
        Snapshot snapshot = ctx.jdbi().withHandle(h -> new Snapshot(TraitCatalog.allCustom(h),
                query.needsAssociations() ? TraitCatalog.associated(h) : Set.of()));
        Map<String, Optional<Instant>> all = new TreeMap<>();
        for (String name : StandardTraits.all()) {
            all.put(name, Optional.empty());
        }
        for (CustomTrait t : snapshot.custom()) {
            all.put(t.name(), Optional.of(t.lastModified()));
        }
        List<String> names = new ArrayList<>();
        Instant lastModified = null;
        for (var e : all.entrySet()) {
            if (query.matches(e.getKey(), snapshot.associated().contains(e.getKey()))) {
                names.add(e.getKey());
                Instant t = e.getValue().orElse(null);
                if (t != null && (lastModified == null || t.isAfter(lastModified))) {
                    lastModified = t;
                }
            }
        }
        return CacheHeaders.apply(req, Response.ok(Map.of("traits", names)),
                lastModified == null ? ctx.clock().instant() : lastModified);
    }

    private Response show(Request req) {
        requireTraits(req);
        ctx.enforce(req, "placement:traits:show");
        String name = req.param("name");
        Instant lastModified = lastModified(name).orElseThrow(() -> notFound(name));
        return CacheHeaders.apply(req, Response.noContent(), lastModified);
    }

    private Response create(Request req) {
        requireTraits(req);
        ctx.enforce(req, "placement:traits:update");
        String name = req.param("name");
        if (name.length() > MAX_LENGTH || !CUSTOM.matcher(name).matches()) {
            throw ApiException.badRequest("The trait is invalid. A valid trait must be no longer than 255 characters, "
                    + "start with the prefix \"CUSTOM_\" and use following characters: \"A\"-\"Z\", \"0\"-\"9\" "
                    + "and \"_\"");
        }
        Instant now = ctx.clock().instant();
        boolean created;
        try {
            created = ctx.jdbi().inTransaction(h -> {
                if (TraitCatalog.custom(h, name).isPresent()) {
                    return false;
                }
                TraitCatalog.insert(h, name, now);
                return true;
            });
        } catch (RuntimeException e) {
            // Someone created it between our read and our insert: it exists, which is all a PUT asks.
            if (lastModified(name).isEmpty()) {
                throw e;
            }
            created = false;
        }
        Response response = (created ? Response.status(201, null) : Response.noContent())
                .header("Location", req.serviceUrl() + "/traits/" + name);
        return CacheHeaders.apply(req, response, lastModified(name).orElse(now));
    }

    private Response delete(Request req) {
        requireTraits(req);
        ctx.enforce(req, "placement:traits:delete");
        String name = req.param("name");
        ctx.jdbi().useTransaction(h -> {
            if (StandardTraits.isStandard(name)) {
                throw ApiException.badRequest("Cannot delete standard trait " + name + ".");
            }
            if (TraitCatalog.lockCustom(h, name).isEmpty()) {
                throw notFound(name);
            }
            if (TraitCatalog.inUse(h, name)) {
                throw PlacementErrors.conflict("The trait " + name + " is in use by a resource provider.", null);
            }
            TraitCatalog.delete(h, name);
        });
        return Response.noContent();
    }

    /** When the trait last changed (now for a standard trait); empty when there is no such trait. */
    private Optional<Instant> lastModified(String name) {
        if (StandardTraits.isStandard(name)) {
            return Optional.of(ctx.clock().instant());
        }
        return ctx.jdbi().withHandle(h -> TraitCatalog.custom(h, name)).map(CustomTrait::createdAt);
    }

    private static ApiException notFound(String name) {
        return ApiException.notFound("No such trait(s): " + name + ".");
    }
}
