package dev.overcast.network.ports;

import java.security.SecureRandom;
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
import dev.overcast.network.PortEvents;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.SecurityGroupLookup;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Attributes;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import dev.overcast.network.networks.NetworkAccess;
import dev.overcast.network.networks.NetworkRow;
import dev.overcast.network.networks.NetworkStore;
import dev.overcast.network.tags.TagStore;
import dev.overcast.network.tags.Taggable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ports: {@code /v2.0/ports} create, list, show, update and delete, with bindings, allowed
 * address pairs, port security and security groups. The rules of the write are
 * {@link PortWriter}'s; this class reads the request, applies policy and renders.
 */
public final class Ports implements NetworkFeature {
    private static final Set<String> CREATE = Set.of("name", "description", "network_id", "admin_state_up",
            "mac_address", "device_id", "device_owner", "fixed_ips", "security_groups", "port_security_enabled",
            "allowed_address_pairs", "extra_dhcp_opts", "binding:host_id", "binding:profile", "binding:vnic_type",
            "propagate_uplink_status", "tenant_id", "project_id");
    private static final Set<String> UPDATE = CREATE;
    private static final Set<String> LIST_ATTRIBUTES = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "mac_address", "admin_state_up", "status", "device_id", "device_owner", "security_groups",
            "port_security_enabled", "binding:host_id", "binding:vif_type", "binding:vnic_type", "description",
            "created_at", "updated_at", "revision_number", "propagate_uplink_status", "ip_allocation");

    private final NetworkContext ctx;
    private final PortWriter writer;
    private final NeutronListing listing;
    private final NetworkQueue queue = new NetworkQueue();
    private final PortHooks hooks;
    private final PortEvents compute;

    /**
     * @param groups the security-group feature's lookup (the project's default group, checks of requested ones)
     * @param quotas the quota feature's check, called in each create's transaction
     */
    public Ports(NetworkContext ctx, SecurityGroupLookup groups, QuotaCheck quotas) {
        this(ctx, new PortWriter(ctx, groups, quotas, new SecureRandom()), PortHooks.NONE, PortEvents.NONE);
    }

    /**
     * @param writer  the writer behind the API
     * @param hooks   what routers and floating IPs must hear of a client's port delete
     * @param compute told after commit when a server's port ({@code compute:*}) changes its
     *                addresses or groups, or is deleted
     */
    public Ports(NetworkContext ctx, PortWriter writer, PortHooks hooks, PortEvents compute) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.listing = NeutronListing.builder("ports", LIST_ATTRIBUTES, ctx.settings().maxLimit())
                .filter("fixed_ips", FixedIpFilter::matches)
                .build();
    }

    /** The writer behind this API: routers, floating IPs and auto-allocation create their ports with it. */
    public PortWriter writer() {
        return writer;
    }

    @Override
    public void routes(Routes r) {
        r.get("/v2.0/ports", this::list)
                .post("/v2.0/ports", this::create)
                .get("/v2.0/ports/{id}", this::show)
                .put("/v2.0/ports/{id}", this::update)
                .delete("/v2.0/ports/{id}", this::delete);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(
                new Extension("binding", "Port Binding", "Expose port bindings of a virtual port to external application"),
                new Extension("allowed-address-pairs", "Allowed Address Pairs", "Provides allowed address pairs"),
                new Extension("uplink-status-propagation", "Uplink status propagation extension", "Provides ability to propagate uplink status of physical ports"),
                new Extension("ip-substring-filtering", "IP address substring filtering", "Provides IP address substring filtering when listing ports"));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("port", "ports"));
    }

    /** Access checks for the tags API. */
    public Taggable taggable() {
        return (h, req, id, modify) -> {
            Visible v = visible(h, req.auth(), id);
            if (modify) {
                ctx.enforce(req, "update_port", v.target());
            }
        };
    }

    private record Visible(Port port, NetworkRow network) {
        Map<String, Object> target() {
            return target(port.row().projectId(), port.row().deviceOwner(), network);
        }

        static Map<String, Object> target(String project, String deviceOwner, NetworkRow network) {
            Map<String, Object> t = new HashMap<>();
            t.put("project_id", project);
            t.put("tenant_id", project);
            t.put("device_owner", deviceOwner);
            t.put("network_device", deviceOwner != null && deviceOwner.startsWith("network:"));
            return NetworkAccess.withNetwork(t, network);
        }
    }

    private Visible visible(Handle h, AuthContext auth, String id) {
        Port p = writer.find(h, id).orElseThrow(() -> NeutronErrors.notFound("Port", id));
        NetworkRow n = NetworkStore.find(h, p.row().networkId()).orElseThrow();
        Visible v = new Visible(p, n);
        if (!ctx.allowed(auth, "get_port", v.target())) {
            throw NeutronErrors.notFound("Port", id);
        }
        return v;
    }

    private ObjectNode view(Handle h, AuthContext auth, Port p, NetworkRow n) {
        return PortView.render(ctx, auth, p, TagStore.tagsOf(h, "ports", p.id()),
                Visible.target(p.row().projectId(), p.row().deviceOwner(), n));
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        List<ObjectNode> views = Transactions.read(ctx.jdbi(), h -> {
            Map<String, NetworkRow> networks = new HashMap<>();
            Map<String, List<String>> narrow = new HashMap<>();
            for (String column : new String[] {"device_id", "network_id"}) {
                List<String> values = req.queryParams().get(column);
                if (values != null && !values.isEmpty()) {
                    narrow.put(column, values);
                }
            }
            List<Port> ports = PortStore.loadAll(h, PortStore.visible(h, auth.projectId(), ctx.isAdmin(auth), narrow));
            Map<String, List<String>> tags = TagStore.tagsOf(h, "ports", ports.stream().map(Port::id).toList());
            return ports.stream().map(p -> {
                NetworkRow n = networks.computeIfAbsent(p.row().networkId(), id -> NetworkStore.find(h, id).orElseThrow());
                var target = Visible.target(p.row().projectId(), p.row().deviceOwner(), n);
                return ctx.allowed(auth, "get_port", target)
                        ? PortView.render(ctx, auth, p, tags.get(p.id()), target) : null;
            }).filter(Objects::nonNull).toList();
        });
        return Response.ok(listing.render(req, views));
    }

    private Response show(Request req) {
        String id = req.param("id");
        ObjectNode view = Transactions.read(ctx.jdbi(), h -> {
            Visible v = visible(h, req.auth(), id);
            return view(h, req.auth(), v.port(), v.network());
        });
        return Response.ok(Json.object().set("port", Fields.project(req, view)));
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ResourceBody.Items body = ResourceBody.readCreate(req, "port", "ports", CREATE);
        List<PortSpec> specs = body.items().stream().map(item -> spec(auth, item)).toList();
        List<ObjectNode> views;
        if (body.bulk()) {
            // One transaction for the lot, as ML2's native bulk: all ports or none.
            views = Transactions.write(ctx.jdbi(), h -> {
                List<ObjectNode> out = new java.util.ArrayList<>();
                for (int i = 0; i < specs.size(); i++) {
                    out.add(createOne(h, req, auth, body.items().get(i), specs.get(i)));
                }
                return out;
            });
        } else {
            PortSpec spec = specs.getFirst();
            ObjectNode one = queue.run(spec.networkId(), () -> Transactions.<ObjectNode>write(ctx.jdbi(),
                    h -> createOne(h, req, auth, body.items().getFirst(), spec)));
            views = List.of(one);
        }
        views.forEach(view -> Events.end(ctx, "port", "create", view));
        return Response.created(body.bulk() ? Json.object().set("ports", Json.tree(views))
                : Json.object().set("port", views.getFirst()));
    }

    private static PortSpec spec(AuthContext auth, ObjectNode body) {
        String networkId = Attributes.string(body, "network_id", 36, null);
        if (networkId == null) {
            throw Attributes.missing("network_id");
        }
        PortInput.noExtraDhcpOptions(body);
        return PortInput.spec(body, networkId, Attributes.project(body, auth.projectId()));
    }

    private ObjectNode createOne(Handle h, Request req, AuthContext auth, ObjectNode body, PortSpec spec) {
        NetworkRow n = NetworkAccess.visible(h, ctx, auth, spec.networkId());
        Map<String, Object> target = Visible.target(spec.projectId(), spec.deviceOwner(), n);
        ctx.enforce(req, "create_port", target);
        enforceAttributes(req, "create_port", body, target);
        Port port = writer.create(h, spec);
        // A new port has no tags yet.
        return PortView.render(ctx, auth, port, List.of(), target);
    }

    private Response update(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        ObjectNode body = ResourceBody.read(req, "port", UPDATE);
        Attributes.refuseReadOnly(body, List.of("network_id", "tenant_id", "project_id"));
        PortInput.noExtraDhcpOptions(body);
        PortWriter.Change change = PortInput.change(body);
        String networkId = Transactions.read(ctx.jdbi(), h -> PortStore.find(h, id).map(PortRow::networkId).orElse(id));
        ObjectNode view = queue.run(networkId, () -> Transactions.write(ctx.jdbi(), h -> {
            Visible v = visible(h, auth, id);
            Map<String, Object> target = v.target();
            ctx.enforce(req, "update_port", target);
            if (change.deviceOwner() != null) {
                // The new owner must be allowed too: a member may not turn a port into a router's.
                enforceAttributes(req, "update_port", body,
                        Visible.target(v.port().row().projectId(), change.deviceOwner(), v.network()));
            } else {
                enforceAttributes(req, "update_port", body, target);
            }
            Port port = writer.update(h, id, change);
            return view(h, auth, port, v.network());
        }));
        Events.end(ctx, "port", "update", view);
        if ((change.fixedIps() != null || change.securityGroups() != null)
                && view.path("device_owner").asString("").startsWith("compute:")) {
            compute.changed(view.path("device_id").asString(), id, false);
        }
        return Response.ok(Json.object().set("port", view));
    }

    private Response delete(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        PortRow deleted = Transactions.write(ctx.jdbi(), h -> {
            Visible v = visible(h, auth, id);
            ctx.enforce(req, "delete_port", v.target());
            hooks.beforeDelete(h, id);
            writer.delete(h, id);
            hooks.deleted(h, id);
            return v.port().row();
        });
        Events.deleted(ctx, "port", id);
        if (deleted.deviceOwner() != null && deleted.deviceOwner().startsWith("compute:")) {
            compute.changed(deleted.deviceId(), id, true);
        }
        return Response.noContent();
    }

    /**
     * Neutron checks an attribute's own rule when a create sets it to something other than its
     * default, and whenever an update names it.
     */
    private void enforceAttributes(Request req, String action, ObjectNode body, Map<String, Object> target) {
        boolean create = action.startsWith("create");
        if (nonDefault(body, "device_owner", create) && body.get("device_owner").asString("").startsWith("network:")) {
            ctx.enforce(req, action + ":device_owner", target);
        }
        for (String attribute : new String[] {"mac_address", "port_security_enabled", "binding:host_id",
                "binding:profile", "binding:vnic_type", "allowed_address_pairs"}) {
            if (nonDefault(body, attribute, create)) {
                ctx.enforce(req, action + ":" + attribute, target);
            }
        }
        JsonNode ips = body.get("fixed_ips");
        if (ips != null && ips.isArray()) {
            for (JsonNode ip : ips) {
                if (ip.has("ip_address")) {
                    ctx.enforce(req, action + ":fixed_ips:ip_address", target);
                }
                if (ip.has("subnet_id")) {
                    ctx.enforce(req, action + ":fixed_ips:subnet_id", target);
                }
            }
        }
    }

    private static boolean nonDefault(ObjectNode body, String attribute, boolean create) {
        JsonNode v = body.get(attribute);
        if (v == null) {
            return false;
        }
        if (!create) {
            return true;
        }
        return switch (attribute) {
            case "binding:host_id", "device_owner" -> !v.asString("").isEmpty();
            case "binding:profile" -> !(v.isNull() || (v.isObject() && v.isEmpty()));
            case "binding:vnic_type" -> !v.asString("").equals("normal");
            case "allowed_address_pairs" -> !(v.isNull() || (v.isArray() && v.isEmpty()));
            default -> true;
        };
    }
}
