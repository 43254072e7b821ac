package dev.overcast.compute.netproxy;

import java.util.List;

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
 * {@code os-networks} and {@code os-tenant-networks} (before 2.36): the networks the caller may
 * use, in nova-network's shape, where only {@code id} and {@code label} carry Network's values.
 * Nova removed the calls that changed nova-network's networks; they answer 410 Gone, as in Nova.
 */
public final class NetworkProxyApi {
    /** nova-network's fields, which Network's networks do not have. */
    private static final List<String> NOVA_NETWORK_FIELDS = List.of("bridge", "bridge_interface", "broadcast",
            "cidr", "cidr_v6", "created_at", "deleted", "deleted_at", "dhcp_server", "dhcp_start", "dns1", "dns2",
            "enable_dhcp", "gateway", "gateway_v6", "host", "injected", "mtu", "multi_host", "netmask",
            "netmask_v6", "priority", "project_id", "rxtx_base", "share_address", "updated_at", "vlan", "vpn_private_address",
            "vpn_public_address", "vpn_public_port");

    private final ComputeContext ctx;
    private final NeutronProxy neutron;

    public NetworkProxyApi(ComputeContext ctx, NeutronProxy neutron) {
        this.ctx = ctx;
        this.neutron = neutron;
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-networks", req -> list(req, NetworkProxyPolicy.NETWORKS_LIST, true));
        r.get("/v2.1/os-networks/{id}", req -> show(req, NetworkProxyPolicy.NETWORKS_SHOW, true));
        r.get("/v2.1/os-tenant-networks", req -> list(req, NetworkProxyPolicy.TENANT_NETWORKS_LIST, false));
        r.get("/v2.1/os-tenant-networks/{id}", req -> show(req, NetworkProxyPolicy.TENANT_NETWORKS_SHOW, false));
        for (String path : new String[] {"/v2.1/os-networks", "/v2.1/os-networks/add", "/v2.1/os-tenant-networks"}) {
            r.post(path, NetworkProxyApi::gone);
        }
        r.post("/v2.1/os-networks/{id}/action", NetworkProxyApi::gone);
        r.delete("/v2.1/os-networks/{id}", NetworkProxyApi::gone);
        r.delete("/v2.1/os-tenant-networks/{id}", NetworkProxyApi::gone);
    }

    private static Response gone(Request req) {
        SecurityGroupProxyApi.requireBefore236(req);
        throw new ApiException(410, "Network changes through Compute were removed with nova-network; "
                + "use the Network API.");
    }

    private Response list(Request req, String rule, boolean full) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, rule);
        ArrayNode out = Json.array();
        for (JsonNode network : neutron.list("networks", "", ComputeContext.callerToken(req))) {
            out.add(view(network, full));
        }
        return Response.ok(Json.object().set("networks", out));
    }

    private Response show(Request req, String rule, boolean full) {
        SecurityGroupProxyApi.requireBefore236(req);
        ctx.enforce(req, rule);
        try {
            JsonNode network = neutron.get("/networks/" + req.param("id"), ComputeContext.callerToken(req))
                    .path("network");
            return Response.ok(Json.object().set("network", view(network, full)));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.notFound("Network could not be found.");
            }
            throw e;
        }
    }

    private static ObjectNode view(JsonNode network, boolean full) {
        ObjectNode n = Json.object();
        n.put("id", network.path("id").asString());
        n.put("label", network.path("name").asString());
        if (full) {
            NOVA_NETWORK_FIELDS.forEach(n::putNull);
        } else {
            n.putNull("cidr");
        }
        return n;
    }
}
