package dev.overcast.compute.flavors;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /flavors/{id}/os-extra_specs}: a project's readers read the extra specs of the flavors
 * they can see; admins write them. Writes answer with the body they were sent, as Nova does
 * (numbers stay numbers in the answer, and are stored as text). From 2.86 keys and values are
 * validated against the specs Nova knows.
 */
final class FlavorExtraSpecsApi {
    private static final int VALIDATION = 86;

    private final ComputeContext ctx;
    private final FlavorStore store;

    FlavorExtraSpecsApi(ComputeContext ctx, FlavorStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void routes(Routes r) {
        r.get("/v2.1/flavors/{flavor_id}/os-extra_specs", this::index)
                .post("/v2.1/flavors/{flavor_id}/os-extra_specs", this::create)
                .get("/v2.1/flavors/{flavor_id}/os-extra_specs/{key}", this::show)
                .put("/v2.1/flavors/{flavor_id}/os-extra_specs/{key}", this::update)
                .delete("/v2.1/flavors/{flavor_id}/os-extra_specs/{key}", this::delete);
    }

    /** Nova checks the read rules against the caller's own project. */
    static Map<String, Object> target(Request req) {
        String project = req.auth().projectId();
        return project == null ? Map.of() : Map.of("project_id", project);
    }

    private Response index(Request req) {
        ctx.enforce(req, FlavorPolicy.SPECS_INDEX, target(req));
        Flavor f = visible(req);
        ObjectNode out = Json.object();
        ObjectNode specs = out.putObject("extra_specs");
        f.extraSpecs().forEach(specs::put);
        return Response.ok(out);
    }

    private Response show(Request req) {
        ctx.enforce(req, FlavorPolicy.SPECS_SHOW, target(req));
        Flavor f = visible(req);
        String key = req.param("key");
        String value = f.extraSpecs().get(key);
        if (value == null) {
            throw noSuchKey(f.flavorId(), key);
        }
        ObjectNode out = Json.object();
        out.put(key, value);
        return Response.ok(out);
    }

    private Response create(Request req) {
        ctx.enforce(req, FlavorPolicy.SPECS_CREATE, Map.of());
        JsonNode body = ctx.schemas().validateObject("flavor_extra_specs_create", req.json());
        Map<String, String> specs = values(req, body.get("extra_specs"));
        Flavor f = visible(req);
        store.putExtraSpecs(f.flavorId(), specs);
        return Response.ok(body);
    }

    private Response update(Request req) {
        ctx.enforce(req, FlavorPolicy.SPECS_UPDATE, Map.of());
        JsonNode body = ctx.schemas().validateObject("flavor_extra_spec_update", req.json());
        Map<String, String> specs = values(req, body);
        if (!specs.containsKey(req.param("key"))) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        Flavor f = visible(req);
        store.putExtraSpecs(f.flavorId(), specs);
        return Response.ok(body);
    }

    private Response delete(Request req) {
        ctx.enforce(req, FlavorPolicy.SPECS_DELETE, Map.of());
        Flavor f = visible(req);
        String key = req.param("key");
        if (!store.deleteExtraSpec(f.flavorId(), key)) {
            throw noSuchKey(f.flavorId(), key);
        }
        return Response.ok(null);
    }

    private Flavor visible(Request req) {
        return store.visible(req.param("flavor_id"), req.auth().projectId(),
                ctx.allows(req, "context_is_admin", Map.of()));
    }

    /** The specs as text, checked as Nova's {@code _check_extra_specs_value} does. */
    private static Map<String, String> values(Request req, JsonNode specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> spec : specs.properties()) {
            String value = spec.getValue().asString();
            if (spec.getValue().isNumber() && value.length() > 255) {
                throw ApiException.badRequest("Invalid input received: extra_specs value has more than 255 characters.");
            }
            if (req.versionAtLeast(2, VALIDATION)) {
                ExtraSpecValidators.validate(spec.getKey(), value);
            }
            out.put(spec.getKey(), value);
        }
        return out;
    }

    private static ApiException noSuchKey(String flavorId, String key) {
        return ApiException.notFound("Flavor " + flavorId + " has no extra specs with key " + key + ".");
    }
}
