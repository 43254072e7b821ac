package dev.overcast.compute.groups;

import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.scheduler.ServerGroup;
import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-server-groups}. Three microversions change it: 2.13 shows the project and user;
 * 2.15 adds the soft policies; 2.64 turns the one-item {@code policies} list into {@code policy}
 * with {@code rules} ({@code max_server_per_host}, for anti-affinity only) and drops the always
 * empty {@code metadata}. A group of another project is a 404 to non-admins, as upstream's
 * project-scoped query makes it.
 */
public final class ServerGroupApi {
    /** Nova's {@code [api] max_limit}. */
    static final int MAX_LIMIT = 1000;

    private final ComputeContext ctx;
    private final ServerGroupStore store;
    private final GroupQuota quota;
    private final LiveMembers members;

    /** The API with a store of its own and the counting quota of Nova's default limit. */
    public ServerGroupApi(ComputeContext ctx) {
        this(ctx, new ServerGroupStore(ctx), null);
    }

    /** @param quota the {@code server_groups} quota, or null for {@link GroupQuota#counting} with 10 */
    public ServerGroupApi(ComputeContext ctx, ServerGroupStore store, GroupQuota quota) {
        this.ctx = ctx;
        this.store = store;
        this.quota = quota != null ? quota : GroupQuota.counting(store, GroupQuota.DEFAULT_LIMIT);
        this.members = new LiveMembers(ctx.api(), ctx.cells());
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-server-groups", this::list)
                .post("/v2.1/os-server-groups", this::create)
                .get("/v2.1/os-server-groups/{id}", this::show)
                .delete("/v2.1/os-server-groups/{id}", this::delete);
    }

    private Response list(Request req) {
        AuthContext auth = ctx.enforce(req, GroupPolicy.INDEX);
        QueryParams.rejectUnknown(req, Set.of("all_projects", "limit", "offset"));
        Integer limit = QueryParams.nonNegative(req, "limit");
        Integer offset = QueryParams.nonNegative(req, "offset");
        boolean all = req.queryParams().containsKey("all_projects")
                && ctx.allows(req, GroupPolicy.INDEX_ALL_PROJECTS, Map.of());
        // Nova's common.limited: no limit, or 0, means the max limit.
        int pageSize = limit == null || limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
        ObjectNode out = Json.object();
        var list = out.putArray("server_groups");
        store.list(all ? null : auth.projectId(), offset == null ? 0 : offset, pageSize)
                .forEach(g -> list.add(view(req, g)));
        return Response.ok(out);
    }

    private Response show(Request req) {
        return Response.ok(wrap(view(req, visible(req, GroupPolicy.SHOW))));
    }

    private Response delete(Request req) {
        Group group = visible(req, GroupPolicy.DELETE);
        if (!store.delete(group.uuid())) {
            throw ServerGroupStore.notFound(group.uuid());
        }
        return Response.noContent();
    }

    /** The group of the path, when {@code rule} lets the caller act on it; else 403, or 404 for another project's. */
    private Group visible(Request req, String rule) {
        ctx.enforce(req, rule);
        String id = req.param("id");
        Group group = store.find(id).orElseThrow(() -> ServerGroupStore.notFound(id));
        if (!ctx.allows(req, rule, Map.of("project_id", group.projectId()))) {
            throw ServerGroupStore.notFound(id);
        }
        return group;
    }

    private Response create(Request req) {
        AuthContext auth = ctx.enforce(req, GroupPolicy.CREATE);
        boolean v264 = req.versionAtLeast(2, 64);
        String schema = v264 ? "server_group_create_v2_64"
                : req.versionAtLeast(2, 15) ? "server_group_create_v2_15" : "server_group_create_v2_1";
        JsonNode body = ctx.schemas().validateObject(schema, req.json()).get("server_group");
        if (!quota.allows(auth.projectId(), auth.userId(), 1)) {
            throw overQuota();
        }
        ServerGroup.Policy policy;
        Integer maxServerPerHost = null;
        if (v264) {
            policy = ServerGroup.Policy.of(body.get("policy").asString());
            JsonNode rules = body.get("rules");
            if (rules != null && !rules.isEmpty()) {
                if (policy != ServerGroup.Policy.ANTI_AFFINITY) {
                    throw ApiException.badRequest("Only anti-affinity policy supports rules.");
                }
                maxServerPerHost = maxServerPerHost(rules.get("max_server_per_host"));
            }
        } else {
            policy = ServerGroup.Policy.of(body.get("policies").get(0).asString());
        }
        Group group = store.create(body.get("name").asString(), auth.projectId(), auth.userId(), policy,
                maxServerPerHost);
        // Nova's recheck (on by default): a concurrent create may have taken the last of the quota.
        if (!quota.allows(auth.projectId(), auth.userId(), 0)) {
            store.delete(group.uuid());
            throw overQuota();
        }
        return Response.ok(wrap(view(req, group)));
    }

    /** The schema let a digit string through; a value below 1 (or beyond an int) is no positive integer. */
    private static Integer maxServerPerHost(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            int n = value.isNumber() ? value.intValue() : Integer.parseInt(value.asString());
            if (n >= 1 && (!value.isNumber() || value.canConvertToInt())) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the 400
        }
        throw ApiException.badRequest("Invalid input for field/attribute max_server_per_host. Value: " + value
                + ". It must be a positive integer.");
    }

    private static ApiException overQuota() {
        return ApiException.forbidden("Quota exceeded, too many server groups.");
    }

    private static ObjectNode wrap(ObjectNode group) {
        ObjectNode out = Json.object();
        out.set("server_group", group);
        return out;
    }

    /** One group as the negotiated microversion shows it. */
    private ObjectNode view(Request req, Group g) {
        ObjectNode out = Json.object();
        out.put("id", g.uuid());
        out.put("name", g.name());
        if (req.versionAtLeast(2, 64)) {
            out.put("policy", g.policy().apiName());
            ObjectNode rules = out.putObject("rules");
            g.rules().forEach(rules::put);
        } else {
            out.putArray("policies").add(g.policy().apiName());
            out.putObject("metadata");
        }
        var list = out.putArray("members");
        members.of(g.members()).forEach(list::add);
        if (req.versionAtLeast(2, 13)) {
            out.put("project_id", g.projectId());
            out.put("user_id", g.userId());
        }
        return out;
    }
}
