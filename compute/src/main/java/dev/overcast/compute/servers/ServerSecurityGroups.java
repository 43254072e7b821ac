package dev.overcast.compute.servers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.netproxy.NetworkProxyPolicy;
import dev.overcast.compute.netproxy.NovaSecurityGroups;
import dev.overcast.compute.network.InstanceNetworking;
import dev.overcast.compute.network.NeutronProxy;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A server's security groups, which are its ports' ({@code GET /servers/{id}/os-security-groups},
 * and the {@code addSecurityGroup} and {@code removeSecurityGroup} actions): read and changed on
 * the ports in the Network service with the caller's token, then the server's info cache refreshed.
 */
final class ServerSecurityGroups {
    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;

    ServerSecurityGroups(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/os-security-groups", this::list);
    }

    private Response list(Request req) {
        ServerRecord s = lookup.require(req, req.param("id"));
        ctx.enforce(req, NetworkProxyPolicy.SERVER_LIST, Map.of("project_id", s.instance().projectId()));
        ArrayNode out = Json.array();
        NeutronProxy neutron = ctx.networks().proxy().orElse(null);
        if (neutron != null) {
            String token = ComputeContext.callerToken(req);
            Set<String> ids = new LinkedHashSet<>();
            neutron.list("ports", NeutronProxy.query("device_id", s.uuid()), token)
                    .forEach(p -> p.path("security_groups").forEach(g -> ids.add(g.asString())));
            List<JsonNode> groups = new ArrayList<>();
            for (String id : ids) {
                groups.add(neutron.get("/security-groups/" + id, token).path("security_group"));
            }
            out = NovaSecurityGroups.format(groups, neutron, token);
        }
        return Response.ok(Json.object().set("security_groups", out));
    }

    Response add(Request req, String uuid, JsonNode args) {
        return change(req, uuid, args, true);
    }

    Response remove(Request req, String uuid, JsonNode args) {
        return change(req, uuid, args, false);
    }

    private Response change(Request req, String uuid, JsonNode args, boolean add) {
        String action = add ? "addSecurityGroup" : "removeSecurityGroup";
        if (args == null || !args.isObject() || !args.path("name").isString() || args.get("name").asString().isEmpty()) {
            throw ApiException.badRequest("Missing parameter name");
        }
        String name = args.get("name").asString();
        ServerRecord s = lookup.require(req, uuid);
        ctx.enforce(req, add ? NetworkProxyPolicy.SERVER_ADD : NetworkProxyPolicy.SERVER_REMOVE,
                Map.of("project_id", s.instance().projectId()));
        tasks.checkLock(req, s.instance());
        NeutronProxy neutron = ctx.networks().proxy().orElseThrow(() -> ApiException.badRequest(
                "Network requires port_security_enabled and subnet associated in order to apply security groups."));
        String token = ComputeContext.callerToken(req);
        String groupId = groupId(neutron, token, name, s.instance().projectId());
        List<JsonNode> ports = neutron.list("ports", NeutronProxy.query("device_id", uuid), token);
        if (ports.isEmpty()) {
            throw ApiException.badRequest("Network requires port_security_enabled and subnet associated in order to "
                    + "apply security groups.");
        }
        boolean changed = false;
        for (JsonNode port : ports) {
            List<String> groups = new ArrayList<>();
            port.path("security_groups").forEach(g -> groups.add(g.asString()));
            if (add == groups.contains(groupId)) {
                continue;
            }
            if (add) {
                groups.add(groupId);
            } else {
                groups.remove(groupId);
            }
            var body = Json.object();
            var list = body.putObject("port").putArray("security_groups");
            groups.forEach(list::add);
            neutron.put("/ports/" + port.path("id").asString(), body, token);
            changed = true;
        }
        if (!changed && !add) {
            throw ApiException.badRequest("Security group " + name + " not associated with the instance " + uuid);
        }
        refreshCache(s);
        return Response.accepted(null);
    }

    /** The group's id by name in the server's project, or by id; 404 as Nova's SecurityGroupNotFoundForProject. */
    private static String groupId(NeutronProxy neutron, String token, String name, String projectId) {
        List<JsonNode> found = neutron.list("security-groups", NeutronProxy.query("name", name) + "&"
                + NeutronProxy.query("project_id", projectId), token);
        if (found.isEmpty()) {
            found = neutron.list("security-groups", NeutronProxy.query("id", name), token);
        }
        if (found.isEmpty()) {
            throw ApiException.notFound("Security group " + name + " not found for project " + projectId + ".");
        }
        if (found.size() > 1) {
            throw ApiException.conflict("Multiple security_group matches found for name '" + name
                    + "', use an ID to be more specific.");
        }
        return found.getFirst().path("id").asString();
    }

    private void refreshCache(ServerRecord s) {
        new InstanceNetworking(ctx.networks(), ctx.clock()).refresh(
                ctx.cells().db(ServerLookup.cellOf(s, "security_groups")), s.instance());
    }

}
