package dev.overcast.placement.candidates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.candidates.AllocationCandidates.Options;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderJson;
import dev.overcast.placement.model.StandardResourceClasses;
import dev.overcast.placement.traits.StandardTraits;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /allocation_candidates} (1.10+) and {@code GET /resource_providers} with its
 * filters. Both read the in-memory provider index; the database is asked only whether custom
 * resource classes and traits named in the query exist.
 */
public final class CandidateApi {
    private final PlacementContext ctx;
    private final KnownTraits traits;
    private final CandidateSettings settings;

    /** Standard traits (os-traits), custom ones from the database, stable order. */
    public CandidateApi(PlacementContext ctx) {
        this(ctx, KnownTraits.of(ctx.jdbi(), StandardTraits.all()), CandidateSettings.defaults());
    }

    public CandidateApi(PlacementContext ctx, KnownTraits traits, CandidateSettings settings) {
        this.ctx = ctx;
        this.traits = traits;
        this.settings = settings;
    }

    public void routes(Routes r) {
        r.get("/allocation_candidates", this::candidates);
        r.get("/resource_providers", this::providers);
    }

    /**
     * The candidates for {@code query} at microversion {@code v}, for in-process callers that
     * skip HTTP but want the same checks (unknown classes and traits are a 400).
     */
    public Result find(CandidateQuery query, ApiVersion v) {
        checkNames(query);
        return AllocationCandidates.find(ProviderView.of(ctx.index()), query,
                new Options(v.isAtLeast(new ApiVersion(1, 29)), settings.randomize(),
                        settings.randomize() ? settings.randomness() : null, true));
    }

    private Response candidates(Request req) {
        if (!req.versionAtLeast(1, 10)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, "placement:allocation_candidates:list");
        checkAccept(req);
        ApiVersion v = req.version();
        CandidateQuery query = CandidateQueryParser.parse(req.queryParams(), v);
        Result result = find(query, v);
        Response out = Response.ok(CandidateJson.render(result, query, v)).header("Content-Type", "application/json");
        return CacheHeaders.apply(req, out, ctx.clock().instant());
    }

    private Response providers(Request req) {
        ctx.enforce(req, "placement:resource_providers:list");
        checkAccept(req);
        ApiVersion v = req.version();
        ProviderFilter filter = ProviderFilter.parse(req.queryParams(), v);
        checkClasses(filter.resources().keySet());
        List<String> missing = traits.missing(filter.traitNames());
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Invalid trait(s) in \"required\" parameter: No such trait(s): "
                    + String.join(", ", missing) + ".");
        }
        List<Provider> found = filter.apply(ProviderView.of(ctx.index()));
        String prefix = ProviderJson.linkPrefix(req.serviceUrl());
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("resource_providers");
        Instant modified = null;
        for (Provider p : found) {
            list.add(ProviderJson.render(p, v, prefix));
            if (modified == null || p.updatedAt().isAfter(modified)) {
                modified = p.updatedAt();
            }
        }
        return CacheHeaders.apply(req, Response.ok(body), modified == null ? ctx.clock().instant() : modified);
    }

    /** Unknown resource classes, then unknown traits, as upstream reports them. */
    private void checkNames(CandidateQuery query) {
        Set<String> classes = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(query.rootRequired());
        names.addAll(query.rootForbidden());
        for (RequestGroup g : query.groups()) {
            classes.addAll(g.resources().keySet());
            for (Set<String> any : g.requiredTraits()) {
                names.addAll(any);
            }
            names.addAll(g.forbiddenTraits());
        }
        checkClasses(classes);
        List<String> missing = traits.missing(names);
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("No such trait(s): " + String.join(", ", missing) + ".");
        }
    }

    private void checkClasses(Set<String> classes) {
        List<String> custom = new ArrayList<>();
        for (String rc : classes) {
            if (!StandardResourceClasses.isStandard(rc)) {
                custom.add(rc);
            }
        }
        if (custom.isEmpty()) {
            return;
        }
        Set<String> known = new java.util.HashSet<>(ctx.jdbi().withHandle(h -> h.createQuery(
                        "select name from custom_resource_class where name in (<names>)")
                .bindList("names", custom).mapTo(String.class).list()));
        for (String rc : custom) {
            if (!known.contains(rc)) {
                throw ApiException.badRequest("Invalid resource class in resources parameter: No such resource class "
                        + rc + ".");
            }
        }
    }

    /** Placement only speaks JSON: an Accept header that excludes it is a 406. */
    private static void checkAccept(Request req) {
        String accept = req.header("Accept").orElse("").strip();
        if (accept.isEmpty()) {
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                return;
            }
        }
        throw ApiException.notAcceptable("Only application/json is provided");
    }
}
