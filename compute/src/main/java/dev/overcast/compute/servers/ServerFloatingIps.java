package dev.overcast.compute.servers;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.netproxy.NetworkProxyPolicy;
import dev.overcast.compute.network.InstanceNetworking;
import dev.overcast.compute.network.NeutronProxy;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code addFloatingIp} and {@code removeFloatingIp} actions (before 2.44): a floating IP of
 * the Network service associated with one of the server's fixed IPv4 addresses, with the caller's
 * token, then the server's info cache refreshed so {@code addresses} shows it.
 */
final class ServerFloatingIps {
    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;

    ServerFloatingIps(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
    }

    Response add(Request req, String uuid, JsonNode args) {
        requireBefore244(req);
        String address = address(args);
        ServerRecord s = server(req, uuid, NetworkProxyPolicy.SERVER_ADD_FLOATING_IP);
        NeutronProxy neutron = neutron();
        String token = ComputeContext.callerToken(req);
        JsonNode fip = floatingIp(neutron, token, address);
        String fixed = args.path("fixed_address").isString() ? args.get("fixed_address").asString() : null;
        String portId = null;
        String fixedIp = null;
        for (JsonNode port : neutron.list("ports", NeutronProxy.query("device_id", uuid), token)) {
            for (JsonNode ip : port.path("fixed_ips")) {
                String a = ip.path("ip_address").asString();
                boolean wanted = fixed != null ? a.equals(fixed) : !a.contains(":");
                if (wanted && portId == null) {
                    portId = port.path("id").asString();
                    fixedIp = a;
                }
            }
        }
        if (portId == null) {
            throw ApiException.badRequest(fixed != null ? "Specified fixed address not assigned to instance"
                    : "Unable to associate floating IP " + address + " to any fixed IPs for instance " + uuid
                    + ". Instance has no fixed IPv4 addresses to associate.");
        }
        ObjectNode body = Json.object();
        body.putObject("floatingip").put("port_id", portId).put("fixed_ip_address", fixedIp);
        try {
            neutron.put("/floatingips/" + fip.path("id").asString(), body, token);
        } catch (ApiException e) {
            throw ApiException.badRequest("Unable to associate floating IP " + address + " to fixed IP " + fixedIp
                    + " for instance " + uuid + ". Error: " + e.getMessage());
        }
        refresh(s);
        return Response.accepted(null);
    }

    Response remove(Request req, String uuid, JsonNode args) {
        requireBefore244(req);
        String address = address(args);
        ServerRecord s = server(req, uuid, NetworkProxyPolicy.SERVER_REMOVE_FLOATING_IP);
        NeutronProxy neutron = neutron();
        String token = ComputeContext.callerToken(req);
        JsonNode fip = floatingIp(neutron, token, address);
        String port = fip.path("port_id").asString(null);
        String device = port == null ? null
                : neutron.get("/ports/" + port, token).path("port").path("device_id").asString(null);
        if (!uuid.equals(device)) {
            throw ApiException.conflict("Floating IP " + address + " is not associated with instance " + uuid + ".");
        }
        ObjectNode body = Json.object();
        body.putObject("floatingip").putNull("port_id");
        neutron.put("/floatingips/" + fip.path("id").asString(), body, token);
        refresh(s);
        return Response.accepted(null);
    }

    private static void requireBefore244(Request req) {
        if (req.versionAtLeast(2, 44)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private ServerRecord server(Request req, String uuid, String rule) {
        ServerRecord s = lookup.require(req, uuid);
        ctx.enforce(req, rule, Map.of("project_id", s.instance().projectId()));
        tasks.checkLock(req, s.instance());
        return s;
    }

    private NeutronProxy neutron() {
        return ctx.networks().proxy().orElseThrow(() ->
                ApiException.badRequest("Floating IPs need the Network service, which this cloud does not run."));
    }

    private static String address(JsonNode args) {
        if (args == null || !args.isObject() || !args.path("address").isString()) {
            throw ApiException.badRequest("Invalid input for field/attribute address. 'address' is a required property");
        }
        return args.get("address").asString();
    }

    private static JsonNode floatingIp(NeutronProxy neutron, String token, String address) {
        List<JsonNode> found = neutron.list("floatingips", NeutronProxy.query("floating_ip_address", address), token);
        if (found.isEmpty()) {
            throw ApiException.notFound("Floating IP not found for address " + address + ".");
        }
        return found.getFirst();
    }

    private void refresh(ServerRecord s) {
        new InstanceNetworking(ctx.networks(), ctx.clock()).refresh(
                ctx.cells().db(ServerLookup.cellOf(s, "floating_ip")), s.instance());
    }

}
