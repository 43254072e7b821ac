package dev.overcast.network.networks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import dev.overcast.network.tags.TagStore;
import dev.overcast.network.tags.Taggable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Networks: {@code /v2.0/networks} create, list, show, update and delete, with the external-net,
 * provider, net-mtu(-writable), port-security and standard attribute extensions.
 * The rules of a create are {@link NetworkWriter}'s; this class reads requests, applies policy
 * and renders.
 */
public final class Networks implements NetworkFeature {
    private static final Set<String> CREATE = Set.of("name", "description", "admin_state_up", "shared",
            "router:external", "is_default", "mtu", "port_security_enabled", "availability_zone_hints",
            "provider:network_type", "provider:physical_network", "provider:segmentation_id", "tenant_id",
            "project_id");
    private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "shared",
            "router:external", "is_default", "mtu", "port_security_enabled", "provider:network_type",
            "provider:physical_network", "provider:segmentation_id", "availability_zone_hints", "tenant_id",
            "project_id");
    /** Attributes with their own policy rule, and the value that needs no permission. */
    private static final Map<String, Object> GUARDED = guarded();
    private static final Set<String> LIST_ATTRIBUTES = Set.of("id", "name", "tenant_id", "project_id",
            "admin_state_up", "status", "subnets", "shared", "router:external", "is_default", "mtu",
            "port_security_enabled", "availability_zone_hints", "provider:network_type",
            "provider:physical_network", "provider:segmentation_id", "description", "created_at", "updated_at",
            "revision_number", "l2_adjacency");

    private final NetworkContext ctx;
    private final NetworkWriter writer;
    private final NeutronListing listing;

    public Networks(NetworkContext ctx, QuotaCheck quotas) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.writer = new NetworkWriter(ctx, quotas);
        this.listing = NeutronListing.builder("networks", LIST_ATTRIBUTES, ctx.settings().maxLimit()).build();
    }

    private static Map<String, Object> guarded() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("shared", false);
        g.put("router:external", false);
        g.put("is_default", false);
        g.put("port_security_enabled", true);
        g.put("provider:network_type", null);
        g.put("provider:physical_network", null);
        g.put("provider:segmentation_id", null);
        return g;
    }

    /** The writer behind this API, for features that create these inside their own transactions. */
    public NetworkWriter writer() {
        return writer;
    }

    @Override
    public void routes(Routes r) {
        r.get("/v2.0/networks", this::list)
                .post("/v2.0/networks", this::create)
                .get("/v2.0/networks/{id}", this::show)
                .put("/v2.0/networks/{id}", this::update)
                .delete("/v2.0/networks/{id}", this::delete);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(
                new Extension("external-net", "Neutron external network", "Adds external network attribute to network resource."),
                new Extension("provider", "Provider Network", "Expose mapping of virtual networks to physical networks"),
                new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource."),
                new Extension("net-mtu-writable", "Network MTU (writable)", "Provides a writable MTU attribute for a network resource."),
                new Extension("port-security", "Port Security", "Provides port security"),
                new Extension("l2_adjacency", "L2 Adjacency", "Display whether a network is L2-adjacent"),
                new Extension("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"),
                new Extension("standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."),
                new Extension("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."),
                new Extension("project-id", "project_id field enabled", "Extension that indicates that project_id field is enabled."),
                new Extension("filter-validation", "Filter parameters validation", "Provides validation on filter parameters."),
                new Extension("sorting", "Sorting support", "Enables sorting of resources."),
                new Extension("pagination", "Pagination support", "Enables pagination of resources."),
                new Extension("empty-string-filtering", "Empty String Filtering Extension", "Allow filtering by attributes with empty string value"));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("network", "networks"));
    }

    /** Access checks for the tags API: visible to see, update_network to change. */
    public Taggable taggable() {
        return (h, req, id, modify) -> {
            NetworkRow n = NetworkAccess.visible(h, ctx, req.auth(), id);
            if (modify) {
                ctx.enforce(req, "update_network", NetworkAccess.target(n));
            }
        };
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        List<ObjectNode> views = Transactions.read(ctx.jdbi(), h -> {
            List<NetworkRow> rows = NetworkStore.visible(h, auth.projectId(), ctx.isAdmin(auth)).stream()
                    .filter(n -> NetworkAccess.canSee(ctx, auth, n)).toList();
            Map<String, List<String>> subnets = new HashMap<>();
            NetworkStore.allSubnetIds(h).forEach(e -> subnets.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue()));
            Map<String, List<String>> tags = TagStore.tagsOf(h, "networks", rows.stream().map(NetworkRow::id).toList());
            return rows.stream().map(n -> NetworkView.render(ctx, auth, n, subnets.getOrDefault(n.id(), List.of()),
                    tags.get(n.id()))).toList();
        });
        return Response.ok(listing.render(req, views));
    }

    private Response show(Request req) {
        String id = req.param("id");
        ObjectNode view = Transactions.read(ctx.jdbi(), h -> view(h, req.auth(), NetworkAccess.visible(h, ctx, req.auth(), id)));
        return Response.ok(Json.object().set("network", Fields.project(req, view)));
    }

    private ObjectNode view(Handle h, AuthContext auth, NetworkRow n) {
        return NetworkView.render(ctx, auth, n, NetworkStore.subnetIds(h, n.id()), TagStore.tagsOf(h, "networks", n.id()));
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ResourceBody.Items body = ResourceBody.readCreate(req, "network", "networks", CREATE);
        List<NetworkSpec> specs = body.items().stream().map(item -> spec(req, auth, item)).toList();
        List<ObjectNode> views = Transactions.write(ctx.jdbi(),
                h -> specs.stream().map(spec -> view(h, auth, writer.create(h, spec))).toList());
        views.forEach(view -> Events.end(ctx, "network", "create", view));
        return Response.created(body.bulk() ? Json.object().set("networks", Json.tree(views))
                : Json.object().set("network", views.getFirst()));
    }

    /** The network a create item asks for, after policy has allowed it. */
    private NetworkSpec spec(Request req, AuthContext auth, ObjectNode body) {
        String project = Attributes.project(body, auth.projectId());
        boolean shared = Attributes.bool(body, "shared", false);
        boolean external = Attributes.bool(body, "router:external", false);
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", project);
        target.put("tenant_id", project);
        target.put("shared", shared);
        target.put("router:external", external);
        ctx.enforce(req, "create_network", target);
        enforceGuarded(req, "create_network", body, target);
        return new NetworkSpec(project, Attributes.string(body, "name", 255, ""),
                Attributes.string(body, "description", 255, ""), Attributes.bool(body, "admin_state_up", true),
                shared, external, Attributes.bool(body, "is_default", false),
                Attributes.integer(body, "mtu", null, false),
                Attributes.bool(body, "port_security_enabled", true),
                Attributes.list(body, "availability_zone_hints", Attributes.stringItem("availability_zone_hints"),
                        List.of()),
                Attributes.nullableString(body, "provider:network_type", 32, null),
                Attributes.nullableString(body, "provider:physical_network", 64, null),
                Attributes.integer(body, "provider:segmentation_id", null, true));
    }

    /** Neutron checks an attribute's own rule when the request sets it to something other than its default. */
    private void enforceGuarded(Request req, String action, ObjectNode body, Map<String, Object> target) {
        for (var g : GUARDED.entrySet()) {
            String attribute = g.getKey();
            if (!body.has(attribute)) {
                continue;
            }
            Object given = body.get(attribute).isBoolean() ? body.get(attribute).asBoolean()
                    : body.get(attribute).isNull() ? null : Attributes.show(body.get(attribute));
            if (!Objects.equals(given, g.getValue())) {
                ctx.enforce(req, action + ":" + attribute, target);
            }
        }
    }

    private Response update(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        ObjectNode body = ResourceBody.read(req, "network", UPDATE);
        Attributes.refuseReadOnly(body, List.of("availability_zone_hints", "tenant_id", "project_id"));
        ObjectNode view = Transactions.write(ctx.jdbi(), h -> {
            NetworkRow n = NetworkAccess.lockVisible(h, ctx, auth, id);
            Map<String, Object> target = NetworkAccess.target(n);
            ctx.enforce(req, "update_network", target);
            for (String attribute : GUARDED.keySet()) {
                if (body.has(attribute)) {
                    ctx.enforce(req, "update_network:" + attribute, target);
                }
            }
            if (body.has("provider:network_type") || body.has("provider:physical_network")
                    || body.has("provider:segmentation_id")) {
                throw NeutronErrors.invalidInput("Plugin does not support updating provider attributes");
            }
            boolean shared = Attributes.bool(body, "shared", n.shared());
            if (n.shared() && !shared && NetworkStore.usedByOtherProjects(h, n.id(), n.projectId())) {
                throw NeutronErrors.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for network "
                        + n.id() + ". Multiple tenants are using it.");
            }
            boolean external = Attributes.bool(body, "router:external", n.routerExternal());
            boolean isDefault = Attributes.bool(body, "is_default", n.isDefault());
            if (isDefault && !external) {
                throw NeutronErrors.invalidInput("is_default can only be set on an external network");
            }
            Integer mtu = Attributes.integer(body, "mtu", n.mtu(), false);
            Segment segment = new Segment(n.networkType(), n.physicalNetwork(), n.segmentationId());
            if (mtu != n.mtu()) {
                NetworkWriter.checkMtu(mtu, segment.maxMtu(ctx.settings().globalMtu()));
            }
            NetworkRow changed = n.updated(Attributes.string(body, "name", 255, n.name()),
                    Attributes.string(body, "description", 255, n.description()),
                    Attributes.bool(body, "admin_state_up", n.adminStateUp()), shared, external, isDefault, mtu,
                    Attributes.bool(body, "port_security_enabled", n.portSecurityEnabled()), ctx.clock().instant());
            NetworkStore.update(h, changed);
            return view(h, auth, changed);
        });
        Events.end(ctx, "network", "update", view);
        return Response.ok(Json.object().set("network", view));
    }

    private Response delete(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        Transactions.write(ctx.jdbi(), h -> {
            NetworkRow n = NetworkAccess.lockVisible(h, ctx, auth, id);
            ctx.enforce(req, "delete_network", NetworkAccess.target(n));
            writer.delete(h, id);
            return null;
        });
        Events.deleted(ctx, "network", id);
        return Response.noContent();
    }
}
