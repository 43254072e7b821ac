package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.api.NeutronListing;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2.0/floatingip_pools} ({@code floatingip-pools}): each IPv4 subnet of each external
 * network the caller sees, the places a floating IP can come from.
 */
final class FloatingIpPoolApi {
    private static final Set<String> ATTRIBUTES = Set.of("subnet_id", "subnet_name", "cidr", "network_id",
            "project_id", "tenant_id");

    private final L3Context l3;
    private final NeutronListing listing;

    FloatingIpPoolApi(L3Context l3) {
        this.l3 = l3;
        this.listing = NeutronListing.builder("floatingip_pools", ATTRIBUTES, l3.network().settings().maxLimit())
                .build();
    }

    void routes(Routes r) {
        r.get("/v2.0/floatingip_pools", this::list);
    }

    private Response list(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        caller.enforce("get_floatingip_pool", caller.projectId());
        List<ObjectNode> items = l3.network().jdbi().inTransaction(h -> {
            List<ObjectNode> out = new ArrayList<>();
            for (L3Ports.NetworkInfo network : l3.ports().externalNetworks(h)) {
                for (L3Ports.SubnetInfo subnet : l3.ports().subnetsOf(h, network.id())) {
                    if (subnet.ipVersion() != 4) {
                        continue;
                    }
                    ObjectNode item = Json.object();
                    item.put("subnet_id", subnet.id());
                    item.put("subnet_name", subnet.name());
                    item.put("cidr", subnet.cidr());
                    item.put("network_id", network.id());
                    item.put("project_id", subnet.projectId());
                    item.put("tenant_id", subnet.projectId());
                    out.add(item);
                }
            }
            return out;
        });
        return Response.ok(listing.render(req, items));
    }
}
