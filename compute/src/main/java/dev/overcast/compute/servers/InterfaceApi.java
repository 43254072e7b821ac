package dev.overcast.compute.servers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.VmState;
import dev.overcast.compute.network.InfoCacheStore;
import dev.overcast.compute.network.NetworkInfo;
import dev.overcast.compute.network.NetworkRequest;
import dev.overcast.compute.network.Networks;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server's network interfaces ({@code os-interface}): list and show read the ports from the
 * Network service; attach and detach change them at once, as Nova's synchronous call to the
 * compute host does, and record an instance action. The simulated data plane has nothing to
 * plug, so the port binding is the whole attach.
 */
final class InterfaceApi {
    static final String LIST = "os_compute_api:os-attach-interfaces:list";
    static final String SHOW = "os_compute_api:os-attach-interfaces:show";
    static final String CREATE = "os_compute_api:os-attach-interfaces:create";
    static final String DELETE = "os_compute_api:os-attach-interfaces:delete";

    /** Nova attaches and detaches only in these states, and with no task under way. */
    private static final Set<VmState> CHANGEABLE = Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED,
            VmState.SUSPENDED);

    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;

    InterfaceApi(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
    }

    static void policy(Map<String, String> r, String reader, String member) {
        r.put(LIST, reader);
        r.put(SHOW, reader);
        r.put(CREATE, member);
        r.put(DELETE, member);
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/os-interface", this::list);
        r.get("/v2.1/servers/{id}/os-interface/{port}", this::show);
        r.post("/v2.1/servers/{id}/os-interface", this::attach);
        r.delete("/v2.1/servers/{id}/os-interface/{port}", this::detach);
    }

    private ServerRecord server(Request req, String rule) {
        ServerRecord s = lookup.require(req, req.param("id"));
        ctx.enforce(req, rule, Map.of("project_id", s.instance().projectId()));
        return s;
    }

    private Response list(Request req) {
        ServerRecord s = server(req, LIST);
        var list = Json.array();
        for (Networks.Port port : ctx.networks().ports(s.uuid())) {
            list.add(view(req, port, s.network()));
        }
        return Response.ok(Json.object().set("interfaceAttachments", list));
    }

    private Response show(Request req) {
        ServerRecord s = server(req, SHOW);
        String portId = req.param("port");
        return ctx.networks().ports(s.uuid()).stream().filter(p -> p.id().equals(portId)).findFirst()
                .map(p -> Response.ok(Json.object().set("interfaceAttachment", view(req, p, s.network()))))
                .orElseThrow(() -> ApiException.notFound("Port " + portId + " is not attached"));
    }

    private Response attach(Request req) {
        ServerRecord s = server(req, CREATE);
        Instance i = s.instance();
        checkChangeable(req, i, "attach_interface");
        NetworkRequest wanted = attachment(req);
        InfoCacheStore cache = new InfoCacheStore(ctx.cells().db(ServerLookup.cellOf(s, "attach_interface")));
        Instant now = ctx.clock().instant();
        ActionStore actions = new ActionStore(ctx.cells().db(ServerLookup.cellOf(s, "attach_interface")));
        String requestId = req.ids().local();
        actions.start(i.uuid(), "attach_interface", requestId, i.projectId(), req.auth().userId(), now);
        actions.startEvent(i.uuid(), requestId, "compute_attach_interface", i.host(), now);
        NetworkInfo.Vif vif;
        try {
            vif = ctx.networks().attach(ComputeContext.callerToken(req),
                    new Networks.Binding(i.uuid(), i.projectId(), i.host(), i.availabilityZone()), wanted);
        } catch (ApiException e) {
            actions.finishEvent(i.uuid(), requestId, "compute_attach_interface", e.getMessage(), e.getMessage(),
                    ctx.clock().instant());
            throw e;
        }
        cache.put(i.uuid(), cache.get(i.uuid()).with(vif), ctx.clock().instant());
        actions.finishEvent(i.uuid(), requestId, "compute_attach_interface", null, null, ctx.clock().instant());
        Networks.Port port = ctx.networks().ports(i.uuid()).stream().filter(p -> p.id().equals(vif.portId()))
                .findFirst().orElseThrow(() -> new ApiException(409, "Port " + vif.portId()
                        + " was detached while it was attached"));
        return Response.ok(Json.object().set("interfaceAttachment",
                view(req, port, new NetworkInfo(List.of(vif)))));
    }

    private Response detach(Request req) {
        ServerRecord s = server(req, DELETE);
        Instance i = s.instance();
        checkChangeable(req, i, "detach_interface");
        String portId = req.param("port");
        InfoCacheStore cache = new InfoCacheStore(ctx.cells().db(ServerLookup.cellOf(s, "detach_interface")));
        NetworkInfo cached = cache.get(i.uuid());
        NetworkInfo.Vif vif = cached.vifs().stream().filter(v -> v.portId().equals(portId)).findFirst()
                .orElseGet(() -> ctx.networks().ports(i.uuid()).stream().filter(p -> p.id().equals(portId))
                        .findFirst().map(p -> new NetworkInfo.Vif(p.id(), p.networkId(), p.networkId(), p.mac(),
                                List.of(), false, null, List.of()))
                        .orElseThrow(() -> ApiException.notFound("Port " + portId + " is not attached")));
        Instant now = ctx.clock().instant();
        ActionStore actions = new ActionStore(ctx.cells().db(ServerLookup.cellOf(s, "detach_interface")));
        String requestId = req.ids().local();
        actions.start(i.uuid(), "detach_interface", requestId, i.projectId(), req.auth().userId(), now);
        actions.startEvent(i.uuid(), requestId, "compute_detach_interface", i.host(), now);
        ctx.networks().detach(vif);
        cache.put(i.uuid(), cache.get(i.uuid()).without(portId), ctx.clock().instant());
        actions.finishEvent(i.uuid(), requestId, "compute_detach_interface", null, null, ctx.clock().instant());
        return Response.accepted(null);
    }

    private void checkChangeable(Request req, Instance i, String operation) {
        tasks.checkLock(req, i);
        if (!CHANGEABLE.contains(i.state().vm()) || i.state().task() != null || i.host() == null) {
            String state = i.state().task() != null
                    ? "task_state " + i.state().task().value() : "vm_state " + i.state().vm().value();
            throw new ApiException(409, "Cannot '" + operation + "' instance " + i.uuid() + " while it is in "
                    + state);
        }
    }

    /** The body of an attach: a port, or a network with maybe one fixed IP; neither means Nova's choice. */
    private static NetworkRequest attachment(Request req) {
        JsonNode body = req.hasBody() ? req.json() : null;
        JsonNode a = body == null ? null : body.get("interfaceAttachment");
        if (a == null || !a.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute interfaceAttachment. "
                    + "'interfaceAttachment' is a required property");
        }
        String value = a.toString();
        UnknownAttributes.check(req, a, field -> Set.of("port_id", "net_id", "fixed_ips").contains(field)
                || (field.equals("tag") && req.versionAtLeast(2, 49)),
                field -> ApiException.badRequest("Invalid input for field/attribute interfaceAttachment. Value: "
                        + value + ". Additional properties are not allowed ('" + field + "' was unexpected)"));
        String port = a.hasNonNull("port_id") ? a.get("port_id").asString() : null;
        String net = a.hasNonNull("net_id") ? a.get("net_id").asString() : null;
        if (port != null && net != null) {
            throw ApiException.badRequest("Must not input both network_id and port_id");
        }
        if (port == null && net == null) {
            throw ApiException.badRequest("Must input network_id or port_id: Overcast does not pick a network "
                    + "for an attach");
        }
        String fixedIp = null;
        JsonNode ips = a.get("fixed_ips");
        if (ips != null) {
            if (net == null) {
                throw ApiException.badRequest("Must input network_id when request IP address");
            }
            if (!ips.isArray() || ips.size() != 1 || !ips.get(0).path("ip_address").isString()
                    || !AccessAddresses.isIp(ips.get(0).get("ip_address").asString())) {
                throw ApiException.badRequest("Invalid input for field/attribute fixed_ips. Value: " + ips
                        + ". It must hold exactly one {\"ip_address\": <an IP address>}");
            }
            fixedIp = ips.get(0).get("ip_address").asString();
        }
        ObjectNode entry = Json.object();
        if (port != null) {
            entry.put("port", port);
        } else {
            entry.put("uuid", net);
        }
        if (fixedIp != null) {
            entry.put("fixed_ip", fixedIp);
        }
        if (a.hasNonNull("tag")) {
            entry.set("tag", a.get("tag"));
        }
        return CreateRequest.network(req, entry);
    }

    private static ObjectNode view(Request req, Networks.Port port, NetworkInfo cached) {
        ObjectNode a = Json.object();
        var ips = a.putArray("fixed_ips");
        port.fixedIps().forEach(ip -> ips.addObject().put("subnet_id", ip.subnetId()).put("ip_address", ip.address()));
        a.put("mac_addr", port.mac());
        a.put("net_id", port.networkId());
        a.put("port_id", port.id());
        a.put("port_state", port.status());
        if (req.versionAtLeast(2, 70)) {
            String tag = cached.vifs().stream().filter(v -> v.portId().equals(port.id())).map(NetworkInfo.Vif::tag)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            a.put("tag", tag);
        }
        return a;
    }
}
