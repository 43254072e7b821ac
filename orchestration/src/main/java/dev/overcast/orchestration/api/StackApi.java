package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.engine.StackEngine;
import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.engine.UpdatePreview;
import dev.overcast.orchestration.snapshots.AdoptRequest;
import dev.overcast.orchestration.snapshots.Adoption;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.parameters.PseudoParameters;

/** Stacks: create, preview, list, show (and the lookups that redirect), update, patch, delete, outputs. */
final class StackApi {
    /** Path words after {@code /stacks/{name}} that Heat redirects to the stack's full URL. */
    static final Set<String> REDIRECTED = Set.of("resources", "events", "template", "environment", "files",
            "outputs", "actions", "abandon", "snapshots", "export");
    private static final String NAME_PATTERN = "[a-zA-Z][a-zA-Z0-9_.-]{0,254}";
    private final ApiContext ctx;
    private final StackChecks checks;

    StackApi(ApiContext ctx) {
        this.ctx = ctx;
        this.checks = new StackChecks(ctx.types());
    }

    void routes(Routes r) {
        String stack = "/v1/{tenant_id}/stacks/{stack_name}/{stack_id}";
        r.post("/v1/{tenant_id}/stacks", ApiContext.guarded(this::create))
                .get("/v1/{tenant_id}/stacks", ApiContext.guarded(new StackListing(ctx)::list))
                .get("/v1/{tenant_id}/stacks/detail", ApiContext.guarded(new StackListing(ctx)::list))
                .post("/v1/{tenant_id}/stacks/preview", ApiContext.guarded(this::preview))
                .get("/v1/{tenant_id}/stacks/{stack_name}", ApiContext.guarded(this::lookup))
                .get(stack, ApiContext.guarded(this::show))
                .put(stack, ApiContext.guarded(req -> update(req, false)))
                .patch(stack, ApiContext.guarded(req -> update(req, true)))
                .delete(stack, ApiContext.guarded(this::delete))
                .delete("/v1/{tenant_id}/stacks/{stack_name}", ApiContext.guarded(this::deleteByName))
                // The CLI updates and acts on a stack by name; Heat redirects to the full URL and
                // keystoneauth follows with the same method and body.
                .put("/v1/{tenant_id}/stacks/{stack_name}", ApiContext.guarded(this::lookup))
                .patch("/v1/{tenant_id}/stacks/{stack_name}", ApiContext.guarded(this::lookup))
                .post("/v1/{tenant_id}/stacks/{stack_name}/actions", ApiContext.guarded(req -> {
                    ctx.enforce(req, "stacks:lookup");
                    StackRow s = StackLookup.identify(ctx.store(), req.param("tenant_id"), req.param("stack_name"))
                            .orElseThrow(() -> HeatError.notFound("Stack", req.param("stack_name")));
                    return redirect(req, s, "/actions");
                }))
                .get(stack + "/template", ApiContext.guarded(this::template))
                .get(stack + "/environment", ApiContext.guarded(this::environment))
                .get(stack + "/files", ApiContext.guarded(this::files))
                .get(stack + "/outputs", ApiContext.guarded(this::outputs))
                .get(stack + "/outputs/{output_key}", ApiContext.guarded(this::output))
                .post(stack + "/actions", ApiContext.guarded(this::action))
                .put(stack + "/preview", ApiContext.guarded(req -> previewUpdate(req, false)))
                .patch(stack + "/preview", ApiContext.guarded(req -> previewUpdate(req, true)));
    }

    /**
     * {@code /stacks/{name}/resources/...} and the like, redirected to the stack's full URL.
     * Registered after every other route, as they overlap the routes under a stack's full URL.
     */
    void fallbackRoutes(Routes r) {
        String base = "/v1/{tenant_id}/stacks/{stack_name}/{stack_id}";
        r.get(base + "/{a}", ApiContext.guarded(req -> lookupDeep(req, "a")))
                .get(base + "/{a}/{b}", ApiContext.guarded(req -> lookupDeep(req, "a", "b")))
                .get(base + "/{a}/{b}/{c}", ApiContext.guarded(req -> lookupDeep(req, "a", "b", "c")))
                .get(base + "/{a}/{b}/{c}/{d}", ApiContext.guarded(req -> lookupDeep(req, "a", "b", "c", "d")));
    }

    private Response notBuilt(Request req, String rule, String what) {
        ctx.enforce(req, rule);
        StackLookup.require(req, ctx.store());
        throw HeatError.notImplemented(what + " is not implemented by Overcast yet.");
    }

    /** Heat's stack actions: suspend, resume, check, cancel_update, cancel_without_rollback. */
    private Response action(Request req) {
        ctx.enforce(req, "actions:action");
        StackRow s = StackLookup.require(req, ctx.store());
        var body = req.json();
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw HeatError.badRequest("No action specified");
        }
        if (body.size() > 1) {
            throw HeatError.badRequest("Multiple actions specified");
        }
        String action = body.propertyNames().iterator().next();
        StackEngine engine = ctx.engine(s.engine());
        switch (action) {
            case "suspend", "resume", "check" -> {
                String upper = action.toUpperCase(java.util.Locale.ROOT);
                ctx.enforce(req, "actions:" + action);
                if (s.inProgress()) {
                    throw HeatError.inProgress(s.name(), s.action());
                }
                // As Heat: a stack already suspended (or resumed) is left as it is.
                if (!(s.action().equals(upper) && s.status().equals("COMPLETE") && !upper.equals("CHECK"))) {
                    engine.act(s, upper);
                }
            }
            case "cancel_update", "cancel_without_rollback" -> {
                ctx.enforce(req, "actions:" + action);
                if (!(s.action().equals("UPDATE") && s.inProgress())) {
                    throw HeatError.badRequest("Cancelling update when stack is ('" + s.action() + "', '"
                            + s.status() + "') is not supported.");
                }
                engine.cancelUpdate(s, action.equals("cancel_update"));
            }
            default -> throw HeatError.badRequest("Invalid action " + action + " specified");
        }
        return Response.status(200, null);
    }

    private Response create(Request req) {
        AuthContext auth = ctx.enforce(req, "stacks:create");
        String tenant = req.param("tenant_id");
        AdoptRequest adopt = AdoptRequest.of(req.json(), ctx.settings());
        StackBody body = StackBody.parse(req.json());
        String name = checkName(body.name());
        String engine = ctx.settings().defaultEngine();
        StackEngine owner = ctx.engine(engine);
        if (ctx.store().findByName(tenant, name).isPresent()) {
            throw new HeatError(409, "StackExists", "The Stack (" + name + ") already exists.");
        }
        String id = UUID.randomUUID().toString();
        // An adopt takes the template and environment of its data unless the body gives them.
        String text = adopt != null && body.template() == null ? adopt.template() : body.requireTemplate();
        Map<String, Object> environment = adopt != null && body.environment().isEmpty() ? adopt.environment()
                : body.environment();
        String action = adopt == null ? "CREATE" : "ADOPT";
        StackRow row = new StackRow(id, name, tenant, auth.userId(), null, action, "IN_PROGRESS",
                "Stack " + action + " started", text, body.files(), environment, body.parameters(),
                body.tags() == null ? List.of() : body.tags(),
                body.disableRollback() == null || body.disableRollback(), body.timeoutMins(), engine, null, null,
                ctx.clock().instant(), null, null);
        Template template = StackTemplates.parse(row, ctx.constraints(req));
        checks.check(template);
        try {
            if (adopt != null) {
                new Adoption(ctx.store(), ctx.types(), ctx.clock()).adopt(row, template, adopt);
            } else {
                owner.create(row, template);
            }
        } catch (dev.overcast.orchestration.stacks.StackStore.NameTaken e) {
            throw new HeatError(409, "StackExists", "The Stack (" + name + ") already exists.");
        }
        // Heat answers a create with the stack's URL in Location too; clients poll it.
        String self = StackViews.self(req, row);
        return Response.created(Map.of("stack", Map.of("id", id, "links", StackViews.links(self))))
                .header("Location", self);
    }

    private Response preview(Request req) {
        AuthContext auth = ctx.enforce(req, "stacks:preview");
        String tenant = req.param("tenant_id");
        StackBody body = StackBody.parse(req.json());
        String name = checkName(body.name());
        String id = "None";
        StackRow row = new StackRow(id, name, tenant, auth.userId(), null, "INIT", "COMPLETE", "", body.requireTemplate(),
                body.files(), body.environment(), body.parameters(), body.tags() == null ? List.of() : body.tags(),
                body.disableRollback() == null || body.disableRollback(), body.timeoutMins(),
                ctx.settings().defaultEngine(), null, null, ctx.clock().instant(), null, null);
        Template template = Template.parse(StackTemplates.input(row.template(), row.files(), row.environment(),
                row.parameters()).withPseudoParameters(new PseudoParameters(id, name, tenant))
                .withConstraints(ctx.constraints(req)));
        checks.check(template);
        Map<String, Object> v = StackViews.summary(req, row, false);
        v.put("id", "None");
        v.put("links", StackViews.links(ApiContext.base(req) + "/stacks/" + name + "/None"));
        v.put("stack_status", null);
        v.put("stack_status_reason", null);
        v.put("disable_rollback", row.disableRollback());
        v.put("timeout_mins", row.timeoutMins());
        v.put("template_description", template.description());
        v.put("parameters", template.parameters().display());
        List<Map<String, Object>> resources = new ArrayList<>();
        Map<String, List<String>> requiredBy = new LinkedHashMap<>();
        template.resources().keySet().forEach(n -> requiredBy.put(n, new ArrayList<>()));
        template.resources().values().forEach(d -> d.dependencies().forEach(n -> requiredBy.get(n).add(d.name())));
        StackContext none = new StackContext(ctx.types(), List.of());
        template.resources().values().forEach(d -> {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("resource_name", d.name());
            res.put("resource_type", d.type());
            res.put("resource_action", "INIT");
            res.put("resource_status", "COMPLETE");
            res.put("resource_status_reason", "");
            res.put("physical_resource_id", "");
            res.put("required_by", requiredBy.get(d.name()));
            res.put("properties", d.resolveProperties(none));
            res.put("metadata", d.resolveMetadata(none));
            res.put("description", d.description() == null ? "" : d.description());
            res.put("stack_name", name);
            res.put("creation_time", ApiContext.time(ctx.clock().instant()));
            res.put("updated_time", null);
            resources.add(res);
        });
        v.put("resources", resources);
        return Response.ok(Map.of("stack", v));
    }

    private Response lookup(Request req) {
        ctx.enforce(req, "stacks:lookup");
        StackRow s = StackLookup.identify(ctx.store(), req.param("tenant_id"), req.param("stack_name"))
                .orElseThrow(() -> HeatError.notFound("Stack", req.param("stack_name")));
        return redirect(req, s, "");
    }

    /** {@code /stacks/{name}/{id}}, or {@code /stacks/{name}/resources} and the like, redirected. */
    private Response show(Request req) {
        String second = req.param("stack_id");
        if (REDIRECTED.contains(second) && ctx.store().find(second).isEmpty()) {
            ctx.enforce(req, "stacks:lookup");
            StackRow s = StackLookup.identify(ctx.store(), req.param("tenant_id"), req.param("stack_name"))
                    .orElseThrow(() -> HeatError.notFound("Stack", req.param("stack_name")));
            return redirect(req, s, "/" + second);
        }
        ctx.enforce(req, "stacks:show");
        StackRow s = StackLookup.require(req, ctx.store());
        boolean resolve = req.query("resolve_outputs").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
        return Response.ok(Map.of("stack", StackViews.detail(req, s, ctx.store(), ctx.types(), resolve)));
    }

    /** {@code /stacks/{name}/resources/{resource}/...} redirected to the stack's full URL. */
    private Response lookupDeep(Request req, String... rest) {
        String word = req.param("stack_id");
        if (!REDIRECTED.contains(word)) {
            throw HeatError.notFound("Stack", req.param("stack_name"));
        }
        ctx.enforce(req, "stacks:lookup");
        StackRow s = StackLookup.identify(ctx.store(), req.param("tenant_id"), req.param("stack_name"))
                .orElseThrow(() -> HeatError.notFound("Stack", req.param("stack_name")));
        StringBuilder suffix = new StringBuilder("/").append(word);
        for (String p : rest) {
            suffix.append('/').append(java.net.URLEncoder.encode(req.param(p), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return redirect(req, s, suffix.toString());
    }

    private static Response redirect(Request req, StackRow s, String suffix) {
        StringBuilder location = new StringBuilder(StackViews.self(req, s)).append(suffix);
        if (!req.queryParams().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            req.queryParams().forEach((k, values) -> values.forEach(v -> pairs.add(
                    java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8) + "="
                            + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
            location.append('?').append(String.join("&", pairs));
        }
        return new Response(302, Map.of("Location", location.toString()), null);
    }

    /**
     * Heat's update preview: what an update with this body would do to each resource (added,
     * deleted, replaced, unchanged, updated), without doing it.
     */
    private Response previewUpdate(Request req, boolean patch) {
        ctx.enforce(req, "stacks:preview_update" + (patch ? "_patch" : ""));
        StackRow current = StackLookup.require(req, ctx.store());
        StackBody body = StackBody.parse(req.json());
        StackRow next = patch ? StackUpdates.patched(current, body) : StackUpdates.replaced(current, body);
        Template template = StackTemplates.parse(next, ctx.constraints(req));
        checks.check(template);
        List<ResourceRow> rows = ctx.store().resources(current.id());
        var types = ctx.types().forStack(next);
        Map<String, UpdatePreview.Change> changes;
        try {
            changes = UpdatePreview.preview(types, new StackContext(types, rows), rows, template);
        } catch (dev.overcast.orchestration.resources.ResourceFailure e) {
            throw HeatError.badRequest(e.getMessage());
        }
        Map<String, ResourceRow> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String kind : List.of("added", "deleted", "replaced", "unchanged", "updated")) {
            out.put(kind, new ArrayList<>());
        }
        changes.forEach((name, change) -> {
            String kind = change == null ? "deleted" : change.name().toLowerCase(java.util.Locale.ROOT);
            ResourceRow row = byName.get(name);
            Map<String, Object> v;
            if (row == null || change == UpdatePreview.Change.ADDED && row.physicalId() == null) {
                v = new LinkedHashMap<>();
                v.put("resource_name", name);
                v.put("resource_type", template.resource(name).type());
                v.put("resource_action", "INIT");
                v.put("resource_status", "COMPLETE");
                v.put("resource_status_reason", "");
                v.put("physical_resource_id", "");
                v.put("stack_name", current.name());
            } else {
                v = ResourceApi.view(req, current, row, List.of(), null);
                v.put("resource_action", row.action());
                v.put("stack_name", current.name());
            }
            out.get(kind).add(v);
        });
        return Response.ok(Map.of("resource_changes", out));
    }

    private Response update(Request req, boolean patch) {
        ctx.enforce(req, patch ? "stacks:update_patch" : "stacks:update");
        StackRow current = StackLookup.require(req, ctx.store());
        if (current.deletedAt() != null || current.action().equals("DELETE")) {
            throw HeatError.notFound("Stack", current.name());
        }
        StackEngine owner = ctx.engine(current.engine());
        StackBody body = StackBody.parse(req.json());
        StackRow next = patch ? StackUpdates.patched(current, body) : StackUpdates.replaced(current, body);
        Template template = StackTemplates.parse(next, ctx.constraints(req));
        List<String> immutable = StackTemplates.parse(current).parameters().immutableChanged(template.parameters());
        if (!immutable.isEmpty()) {
            throw new HeatError(400, "ImmutableParameterModified", "The following parameters are immutable and may "
                    + "not be updated: " + String.join(", ", immutable));
        }
        checks.check(template);
        // A convergence update supersedes a running create, update or rollback; nothing else
        // may overlap a running action.
        boolean supersedes = current.engine().equals("convergence")
                && Set.of("CREATE", "UPDATE", "ROLLBACK").contains(current.action());
        if (current.inProgress() && !supersedes) {
            throw HeatError.inProgress(current.name(), current.action());
        }
        owner.update(current, next, template);
        return Response.accepted(null);
    }

    private Response delete(Request req) {
        ctx.enforce(req, "stacks:delete");
        StackRow s = StackLookup.require(req, ctx.store());
        return deleteStack(s);
    }

    private Response deleteByName(Request req) {
        ctx.enforce(req, "stacks:delete");
        StackRow s = StackLookup.identify(ctx.store(), req.param("tenant_id"), req.param("stack_name"))
                .orElseThrow(() -> HeatError.notFound("Stack", req.param("stack_name")));
        return deleteStack(s);
    }

    private Response deleteStack(StackRow s) {
        if (s.deletedAt() != null) {
            throw HeatError.notFound("Stack", s.name());
        }
        // An action in progress is stopped by its engine, or refused (409) when another engine holds it.
        ctx.engine(s.engine()).delete(s);
        // As Heat, a stack's delete starts by deleting its snapshots.
        ctx.snapshots().deleteAll(s.id());
        return Response.noContent();
    }

    private Response template(Request req) {
        ctx.enforce(req, "stacks:template");
        StackRow s = StackLookup.require(req, ctx.store());
        return Response.ok(StackTemplates.parse(s).raw());
    }

    private Response environment(Request req) {
        ctx.enforce(req, "stacks:environment");
        StackRow s = StackLookup.require(req, ctx.store());
        return Response.ok(StackTemplates.parse(s).environment().asMap());
    }

    private Response files(Request req) {
        ctx.enforce(req, "stacks:files");
        return Response.ok(StackLookup.require(req, ctx.store()).files());
    }

    private Response outputs(Request req) {
        ctx.enforce(req, "stacks:list_outputs");
        StackRow s = StackLookup.require(req, ctx.store());
        List<Map<String, Object>> out = new ArrayList<>();
        StackTemplates.parse(s).outputs().values().forEach(o -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("output_key", o.name());
            v.put("description", o.description() == null ? "No description given" : o.description());
            out.add(v);
        });
        return Response.ok(Map.of("outputs", out));
    }

    private Response output(Request req) {
        ctx.enforce(req, "stacks:show_output");
        StackRow s = StackLookup.require(req, ctx.store());
        String key = req.param("output_key");
        var o = StackTemplates.parse(s).outputs().get(key);
        if (o == null) {
            throw HeatError.notFound("Output", key);
        }
        return Response.ok(Map.of("output", StackViews.output(o,
                new StackContext(ctx.types().forStack(s), ctx.store().resources(s.id())))));
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw HeatError.badRequest("No stack name specified");
        }
        if (!name.matches(NAME_PATTERN)) {
            throw new HeatError(400, "StackValidationFailed", "Invalid stack name " + name + " must contain only "
                    + "alphanumeric or \"_-.\" characters, must start with alpha and must be 255 characters or less.");
        }
        return name;
    }
}
