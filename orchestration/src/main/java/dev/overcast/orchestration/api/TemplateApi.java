package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.FunctionTable;

/** Template validation, resource types and template versions. */
final class TemplateApi {
    private final ApiContext ctx;

    TemplateApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.post("/v1/{tenant_id}/validate", ApiContext.guarded(this::validate))
                .get("/v1/{tenant_id}/resource_types", ApiContext.guarded(this::types))
                .get("/v1/{tenant_id}/resource_types/{type_name}", ApiContext.guarded(this::type))
                .get("/v1/{tenant_id}/resource_types/{type_name}/template", ApiContext.guarded(this::typeTemplate))
                .get("/v1/{tenant_id}/template_versions", ApiContext.guarded(this::versions))
                .get("/v1/{tenant_id}/template_versions/{version}/functions", ApiContext.guarded(this::functions));
    }

    private Response validate(Request req) {
        ctx.enforce(req, "stacks:validate_template");
        StackBody body = StackBody.parse(req.json());
        Template template = Template.parse(StackTemplates.input(body.requireTemplate(), body.files(),
                body.environment(), body.parameters()).forValidation().withConstraints(ctx.constraints(req)));
        new StackChecks(ctx.types()).check(template, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Description", template.description());
        out.put("Parameters", template.parameters().validateView());
        if (!template.parameterGroups().isEmpty()) {
            out.put("ParameterGroups", template.parameterGroups());
        }
        out.put("Environment", template.environment().userView());
        return Response.ok(out);
    }

    private Response types(Request req) {
        ctx.enforce(req, "stacks:list_resource_types");
        String name = req.query("name").orElse(null);
        List<String> names;
        try {
            names = ctx.types().names(name);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw HeatError.badRequest("Invalid name filter: " + name);
        }
        String status = req.query("support_status").orElse(null);
        if (status != null && !status.equals("SUPPORTED")) {
            names = List.of();
        }
        if (req.flag("with_description")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String n : names) {
                out.add(Map.of("resource_type", n, "description", ctx.types().require(n).description()));
            }
            return Response.ok(Map.of("resource_types", out));
        }
        return Response.ok(Map.of("resource_types", names));
    }

    private Response type(Request req) {
        ctx.enforce(req, "stacks:resource_schema");
        return Response.ok(ctx.types().schema(plugin(req)));
    }

    private Response typeTemplate(Request req) {
        ctx.enforce(req, "stacks:generate_template");
        String kind = req.query("template_type").orElse("cfn");
        if (!kind.equals("hot") && !kind.equals("cfn")) {
            throw HeatError.badRequest("Template type is not supported: Invalid template type \"" + kind
                    + "\", valid types are: cfn, hot.");
        }
        return Response.ok(ctx.types().template(plugin(req), kind.equals("hot")));
    }

    private ResourcePlugin plugin(Request req) {
        String type = req.param("type_name");
        return ctx.types().find(type).orElseThrow(() -> new HeatError(404, "EntityNotFound",
                ResourceTypes.notFound(type)));
    }

    private Response versions(Request req) {
        ctx.enforce(req, "stacks:list_template_versions");
        List<Map<String, Object>> out = new ArrayList<>();
        for (TemplateVersion v : TemplateVersion.values()) {
            out.add(Map.of("version", v.apiName(), "type", "hot", "aliases", v.apiAliases()));
        }
        return Response.ok(Map.of("template_versions", out));
    }

    private Response functions(Request req) {
        ctx.enforce(req, "stacks:list_template_functions");
        String name = req.param("version");
        TemplateVersion version = TemplateVersion.fromApiName(name).orElseThrow(() ->
                new HeatError(404, "NotFound", "Template with version " + name + " not found"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (FunctionTable.Entry e : FunctionTable.listed(version, req.flag("with_condition_func"))) {
            out.add(Map.of("functions", e.name(), "description", e.description()));
        }
        return Response.ok(Map.of("template_functions", out));
    }
}
