package dev.overcast.compute.netproxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.network.NeutronProxy;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code os-floating-ips} and {@code os-floating-ip-pools} (before 2.36): Network's floating IPs
 * in Nova's shape ({@code ip}, {@code pool}, {@code fixed_ip}, {@code instance_id}), allocated from
 * an external network named as the pool.
 */
public final class FloatingIpProxyApi {
    static final String LIST = "os_compute_api:os-floating-ips:list";
    static final String SHOW = "os_compute_api:os-floating-ips:show";
    static final String CREATE = "os_compute_api:os-floating-ips:create";
    static final String DELETE = "os_compute_api:os-floating-ips:delete";
    static final String POOLS = "os_compute_api:os-floating-ip-pools:list";

    private final ComputeContext ctx;
    private final NeutronProxy neutron;

    public FloatingIpProxyApi(ComputeContext ctx, NeutronProxy neutron) {
        this.ctx = ctx;
        this.neutron = neutron;
    }

    static void policy(Map<String, String> r, String reader, String member) {
        r.put(LIST, reader);
        r.put(SHOW, reader);
        r.put(POOLS, reader);
        r.put(CREATE, member);
        r.put(DELETE, member);
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-floating-ips", this::list);
        r.get("/v2.1/os-floating-ips/{id}", this::show);
        r.post("/v2.1/os-floating-ips", this::create);
        r.delete("/v2.1/os-floating-ips/{id}", this::delete);
        r.get("/v2.1/os-floating-ip-pools", this::pools);
    }

    private Response list(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, LIST);
        String token = ComputeContext.callerToken(req);
        Map<String, String> names = new HashMap<>();
        ArrayNode out = Json.array();
        for (JsonNode fip : neutron.list("floatingips", NeutronProxy.query("project_id", req.auth().projectId()),
                token)) {
            out.add(view(fip, names, token));
        }
        return Response.ok(Json.object().set("floating_ips", out));
    }

    private Response show(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, SHOW);
        String token = ComputeContext.callerToken(req);
        return Response.ok(Json.object().set("floating_ip", view(find(req.param("id"), token), new HashMap<>(), token)));
    }

    private JsonNode find(String id, String token) {
        try {
            return neutron.get("/floatingips/" + id, token).path("floatingip");
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.notFound("Floating IP not found for ID " + id);
            }
            throw e;
        }
    }

    private Response create(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, CREATE);
        String token = ComputeContext.callerToken(req);
        JsonNode body = req.hasBody() ? req.json() : null;
        String pool = body != null && body.path("pool").isString() ? body.get("pool").asString() : null;
        JsonNode network = pool(pool, token);
        ObjectNode fip = Json.object();
        fip.put("floating_network_id", network.path("id").asString());
        fip.put("project_id", req.auth().projectId());
        JsonNode created;
        try {
            created = neutron.post("/floatingips", Map.of("floatingip", fip), token).path("floatingip");
        } catch (ApiException e) {
            if (e.status() == 409 || "IpAddressGenerationFailure".equals(e.code())) {
                throw ApiException.notFound("No more floating IPs in pool " + network.path("name").asString() + ".");
            }
            throw e;
        }
        return Response.ok(Json.object().set("floating_ip", view(created, new HashMap<>(), token)));
    }

    /** The external network named {@code pool}, or the only external network when none is named. */
    private JsonNode pool(String pool, String token) {
        List<JsonNode> external = neutron.list("networks", "router:external=True", token);
        for (JsonNode n : external) {
            if (pool == null || pool.equals(n.path("name").asString()) || pool.equals(n.path("id").asString())) {
                return n;
            }
        }
        throw ApiException.notFound(pool == null ? "Floating IP pool not found." : "Floating IP pool not found.");
    }

    private Response delete(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, DELETE);
        String token = ComputeContext.callerToken(req);
        find(req.param("id"), token);
        neutron.delete("/floatingips/" + req.param("id"), token);
        return Response.accepted(null);
    }

    private Response pools(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, POOLS);
        ArrayNode out = Json.array();
        neutron.list("networks", "router:external=True", ComputeContext.callerToken(req))
                .forEach(n -> out.addObject().put("name", n.path("name").asString()));
        return Response.ok(Json.object().set("floating_ip_pools", out));
    }

    /** Nova's shape: the pool is the external network's name, the instance the port's device. */
    ObjectNode view(JsonNode fip, Map<String, String> names, String token) {
        ObjectNode f = Json.object();
        f.put("id", fip.path("id").asString());
        f.put("ip", fip.path("floating_ip_address").asString());
        String network = fip.path("floating_network_id").asString();
        f.put("pool", names.computeIfAbsent(network, n -> {
            try {
                return neutron.get("/networks/" + n, token).path("network").path("name").asString(n);
            } catch (ApiException e) {
                return n;
            }
        }));
        String fixed = fip.path("fixed_ip_address").asString(null);
        f.put("fixed_ip", fixed);
        String port = fip.path("port_id").asString(null);
        String instance = null;
        if (port != null) {
            try {
                instance = neutron.get("/ports/" + port, token).path("port").path("device_id").asString(null);
            } catch (ApiException e) {
                instance = null;
            }
        }
        f.put("instance_id", instance == null || instance.isEmpty() ? null : instance);
        return f;
    }
}
