package dev.overcast.network.subnets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.Events;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Attributes;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.ipam.IpRange;
import dev.overcast.network.networks.NetworkAccess;
import dev.overcast.network.networks.NetworkRow;
import dev.overcast.network.networks.NetworkStore;
import dev.overcast.network.subnetpools.SubnetPools;
import dev.overcast.network.tags.TagStore;
import dev.overcast.network.tags.Taggable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subnets: {@code /v2.0/subnets} create, list, show, update and delete; a subnet's CIDR is
 * given, or carved from a subnet pool ({@code subnetpool_id} or {@code use_default_subnetpool}).
 */
public final class Subnets implements NetworkFeature {
    private static final Set<String> CREATE = Set.of("name", "description", "network_id", "ip_version", "cidr",
            "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp", "ipv6_ra_mode",
            "ipv6_address_mode", "subnetpool_id", "segment_id", "service_types", "tenant_id", "project_id",
            "prefixlen", "use_default_subnetpool");
    private static final Set<String> UPDATE = Set.of("name", "description", "gateway_ip", "allocation_pools",
            "dns_nameservers", "host_routes", "enable_dhcp", "network_id", "ip_version", "cidr", "ipv6_ra_mode",
            "ipv6_address_mode", "subnetpool_id", "segment_id", "service_types", "tenant_id", "project_id");
    private static final Set<String> LIST_ATTRIBUTES = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "ip_version", "subnetpool_id", "enable_dhcp", "ipv6_ra_mode", "ipv6_address_mode", "gateway_ip", "cidr",
            "dns_nameservers", "description", "segment_id", "created_at", "updated_at", "revision_number");

    private final NetworkContext ctx;
    private final SubnetWriter writer;
    private final SubnetPools pools;
    private final NeutronListing listing;

    /** @param pools the subnet pools a subnet's CIDR may be carved from */
    public Subnets(NetworkContext ctx, QuotaCheck quotas, SubnetPools pools) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.writer = new SubnetWriter(ctx, quotas);
        this.pools = Objects.requireNonNull(pools, "pools");
        this.listing = NeutronListing.builder("subnets", LIST_ATTRIBUTES, ctx.settings().maxLimit()).build();
    }

    /** The writer behind this API, for features that create these inside their own transactions. */
    public SubnetWriter writer() {
        return writer;
    }

    @Override
    public void routes(Routes r) {
        r.get("/v2.0/subnets", this::list)
                .post("/v2.0/subnets", this::create)
                .get("/v2.0/subnets/{id}", this::show)
                .put("/v2.0/subnets/{id}", this::update)
                .delete("/v2.0/subnets/{id}", this::delete);
    }

    @Override
    public List<Extension> extensions() {
        // service_types and segment_id are shown (empty) but not settable, so neither
        // subnet-service-types nor segment is declared.
        return List.of();
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("subnet", "subnets"));
    }

    /** Access checks for the tags API. */
    public Taggable taggable() {
        return (h, req, id, modify) -> {
            Visible v = visible(h, req.auth(), id);
            if (modify) {
                ctx.enforce(req, "update_subnet", v.target());
            }
        };
    }

    private record Visible(SubnetRow subnet, NetworkRow network) {
        Map<String, Object> target() {
            return SubnetAccess.target(subnet, network);
        }
    }

    private Visible visible(Handle h, AuthContext auth, String id) {
        SubnetRow s = SubnetStore.find(h, id).orElseThrow(() -> NeutronErrors.notFound("Subnet", id));
        NetworkRow n = NetworkStore.find(h, s.networkId()).orElseThrow(() -> NeutronErrors.notFound("Subnet", id));
        if (!ctx.allowed(auth, "get_subnet", SubnetAccess.target(s, n))) {
            throw NeutronErrors.notFound("Subnet", id);
        }
        return new Visible(s, n);
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        List<ObjectNode> views = Transactions.read(ctx.jdbi(), h -> {
            Map<String, NetworkRow> networks = new HashMap<>();
            List<SubnetRow> rows = SubnetStore.visible(h, auth.projectId(), ctx.isAdmin(auth)).stream()
                    .filter(s -> {
                        NetworkRow n = networks.computeIfAbsent(s.networkId(),
                                id -> NetworkStore.find(h, id).orElse(null));
                        return n != null && ctx.allowed(auth, "get_subnet", SubnetAccess.target(s, n));
                    }).toList();
            Map<String, List<String>> tags = TagStore.tagsOf(h, "subnets", rows.stream().map(SubnetRow::id).toList());
            return rows.stream().map(s -> SubnetView.render(s, tags.get(s.id()))).toList();
        });
        return Response.ok(listing.render(req, views));
    }

    private Response show(Request req) {
        String id = req.param("id");
        ObjectNode view = Transactions.read(ctx.jdbi(), h -> {
            SubnetRow s = visible(h, req.auth(), id).subnet();
            return SubnetView.render(s, TagStore.tagsOf(h, "subnets", s.id()));
        });
        return Response.ok(Json.object().set("subnet", Fields.project(req, view)));
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ResourceBody.Items body = ResourceBody.readCreate(req, "subnet", "subnets", CREATE);
        List<Draft> drafts = body.items().stream().map(item -> draft(auth, item)).toList();
        List<ObjectNode> views = Transactions.write(ctx.jdbi(), h -> drafts.stream().map(d -> {
            NetworkRow n = NetworkAccess.lockVisible(h, ctx, auth, d.networkId());
            ctx.enforce(req, "create_subnet", NetworkAccess.withNetwork(Map.of("project_id", d.project(),
                    "tenant_id", d.project()), n));
            return SubnetView.render(writer.create(h, spec(h, auth, d)), List.of());
        }).toList());
        views.forEach(view -> Events.end(ctx, "subnet", "create", view));
        return Response.created(body.bulk() ? Json.object().set("subnets", Json.tree(views))
                : Json.object().set("subnet", views.getFirst()));
    }

    /** What a create item asks for, before its CIDR is known (a pool's is carved in the transaction). */
    private record Draft(ObjectNode body, String networkId, String project, int version, String cidr,
                         boolean fromPool, String poolId, Integer prefixlen) {
    }

    private static Draft draft(AuthContext auth, ObjectNode body) {
        if (body.hasNonNull("segment_id") || (body.has("service_types") && !body.get("service_types").isEmpty())) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Segments and subnet service types are not supported.");
        }
        String networkId = Attributes.string(body, "network_id", 36, null);
        if (networkId == null) {
            throw Attributes.missing("network_id");
        }
        int version = SubnetShape.ipVersion(body);
        String cidr = Attributes.string(body, "cidr", 64, null);
        String poolId = Attributes.nullableString(body, "subnetpool_id", 36, null);
        boolean fromPool = poolId != null || Attributes.bool(body, "use_default_subnetpool", false);
        Integer prefixlen = Attributes.integer(body, "prefixlen", null, true);
        if (!fromPool && cidr == null) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Bad subnets request: a subnetpool must be specified in the absence of a cidr.");
        }
        if (!fromPool && prefixlen != null) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Bad subnets request: prefixlen is only valid with a subnet pool.");
        }
        return new Draft(body, networkId, Attributes.project(body, auth.projectId()), version, cidr, fromPool, poolId,
                prefixlen);
    }

    /** The subnet a create item asks for, its CIDR carved from its pool if it names one, its layout checked. */
    private SubnetSpec spec(Handle h, AuthContext auth, Draft d) {
        ObjectNode body = d.body();
        Cidr cidr;
        String poolId = null;
        if (d.fromPool()) {
            SubnetPools.Allocation a = pools.allocate(h, auth, d.poolId(), d.version(), d.prefixlen(), d.cidr());
            cidr = a.cidr();
            poolId = a.subnetpoolId();
        } else {
            cidr = SubnetShape.cidr(d.cidr(), d.version());
        }
        int version = d.version();
        boolean dhcp = Attributes.bool(body, "enable_dhcp", true);
        String raMode = Attributes.nullableString(body, "ipv6_ra_mode", 32, null);
        String addressMode = Attributes.nullableString(body, "ipv6_address_mode", 32, null);
        SubnetShape.modes(version, raMode, addressMode, dhcp, cidr);
        IpAddress gateway = SubnetShape.gateway(body, cidr);
        List<IpRange> ranges = SubnetShape.pools(body.get("allocation_pools"), cidr, gateway);
        if (body.has("allocation_pools") && !body.get("allocation_pools").isNull()) {
            SubnetShape.gatewayOutsidePools(gateway, ranges);
        }
        List<String> dns = SubnetShape.nameservers(body.get("dns_nameservers"));
        String routes = SubnetShape.hostRoutes(body.get("host_routes"), version);
        return new SubnetSpec(d.networkId(), d.project(), Attributes.string(body, "name", 255, ""),
                Attributes.string(body, "description", 255, ""), cidr, gateway, ranges, dhcp, raMode, addressMode, dns,
                routes, poolId);
    }

    private Response update(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        ObjectNode body = ResourceBody.read(req, "subnet", UPDATE);
        Attributes.refuseReadOnly(body, List.of("network_id", "ip_version", "cidr", "ipv6_ra_mode",
                "ipv6_address_mode", "subnetpool_id", "segment_id", "tenant_id", "project_id"));
        if (body.has("service_types") && !body.get("service_types").isEmpty()) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Subnet service types are not supported.");
        }
        ObjectNode view = Transactions.write(ctx.jdbi(), h -> {
            Visible v = visible(h, auth, id);
            ctx.enforce(req, "update_subnet", v.target());
            SubnetRow s = SubnetStore.lock(h, id).orElseThrow(() -> NeutronErrors.notFound("Subnet", id));
            Cidr cidr = s.network();
            IpAddress gateway = body.has("gateway_ip") ? SubnetShape.gateway(body, cidr)
                    : s.gatewayIp() == null ? null : IpAddress.parse(s.gatewayIp()).orElseThrow();
            List<IpRange> pools = body.has("allocation_pools")
                    ? SubnetShape.pools(body.get("allocation_pools"), cidr, gateway) : s.pools();
            if (body.has("gateway_ip") || body.has("allocation_pools")) {
                SubnetShape.gatewayOutsidePools(gateway, pools);
            }
            if (body.has("gateway_ip") && gateway != null && !gateway.toString().equals(s.gatewayIp())) {
                SubnetStore.portHolding(h, id, gateway.toString()).ifPresent(port -> {
                    throw NeutronErrors.conflict("GatewayIpInUse", "Current gateway ip " + gateway
                            + " already in use by port " + port + ". Unable to update.");
                });
            }
            boolean dhcp = Attributes.bool(body, "enable_dhcp", s.enableDhcp());
            SubnetShape.modes(s.ipVersion(), s.ipv6RaMode(), s.ipv6AddressMode(), dhcp, cidr);
            SubnetRow changed = new SubnetRow(s.id(), Attributes.string(body, "name", 255, s.name()), s.networkId(),
                    s.projectId(), s.ipVersion(), s.cidr(), gateway == null ? null : gateway.toString(), dhcp,
                    s.ipv6RaMode(), s.ipv6AddressMode(), SubnetShape.poolsJson(pools),
                    body.has("dns_nameservers") ? Json.write(SubnetShape.nameservers(body.get("dns_nameservers")))
                            : s.dnsNameservers(),
                    body.has("host_routes") ? SubnetShape.hostRoutes(body.get("host_routes"), s.ipVersion())
                            : s.hostRoutes(),
                    Attributes.string(body, "description", 255, s.description()), s.createdAt(),
                    ctx.clock().instant(), s.revisionNumber() + 1, s.subnetpoolId());
            SubnetStore.update(h, changed);
            return SubnetView.render(changed, TagStore.tagsOf(h, "subnets", id));
        });
        Events.end(ctx, "subnet", "update", view);
        return Response.ok(Json.object().set("subnet", view));
    }

    private Response delete(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        Transactions.write(ctx.jdbi(), h -> {
            Visible v = visible(h, auth, id);
            ctx.enforce(req, "delete_subnet", v.target());
            SubnetStore.lock(h, id);
            if (SubnetStore.addressesInUse(h, id) > 0) {
                throw NeutronErrors.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                        + ": One or more ports have an IP allocation from this subnet.");
            }
            SubnetStore.delete(h, id);
            return null;
        });
        Events.deleted(ctx, "subnet", id);
        return Response.noContent();
    }
}
