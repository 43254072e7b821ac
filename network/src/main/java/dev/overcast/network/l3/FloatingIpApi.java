package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2.0/floatingips}. */
final class FloatingIpApi {
    private static final Logger LOG = LoggerFactory.getLogger(FloatingIpApi.class);
    private static final Set<String> ATTRIBUTES = Set.of("id", "project_id", "tenant_id", "floating_ip_address",
            "floating_network_id", "router_id", "port_id", "fixed_ip_address", "status", "description", "dns_name",
            "dns_domain", "qos_policy_id", "created_at", "updated_at", "revision_number", "tags");

    private final L3Context l3;
    private final FloatingIps fips;
    private final NeutronListing listing;

    FloatingIpApi(L3Context l3) {
        this.l3 = l3;
        this.fips = new FloatingIps(l3);
        this.listing = NeutronListing.builder("floatingips", ATTRIBUTES, l3.network().settings().maxLimit()).build();
    }

    void routes(Routes r) {
        r.get("/v2.0/floatingips", this::list)
                .post("/v2.0/floatingips", this::create)
                .get("/v2.0/floatingips/{id}", this::show)
                .put("/v2.0/floatingips/{id}", this::update)
                .delete("/v2.0/floatingips/{id}", this::delete);
    }

    private Response list(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        List<ObjectNode> items = l3.network().jdbi().inTransaction(h -> {
            FloatingIpStore store = h.attach(FloatingIpStore.class);
            List<FloatingIpRow> rows = caller.admin() ? store.all() : store.ofProject(caller.projectId());
            return rows.stream()
                    .filter(row -> l3.network().allowed(caller.auth(), "get_floatingip",
                            Caller.target(row.projectId())))
                    .map(row -> FloatingIpView.render(h, l3.ports(), row)).toList();
        });
        return Response.ok(listing.render(req, items));
    }

    private Response show(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String id = req.param("id");
        ObjectNode view = l3.network().jdbi().inTransaction(h -> {
            FloatingIpRow row = fips.visible(h, caller, id);
            if (!l3.network().allowed(caller.auth(), "get_floatingip", Caller.target(row.projectId()))) {
                throw L3Errors.floatingIpNotFound(id);
            }
            return FloatingIpView.render(h, l3.ports(), row);
        });
        return Response.ok(wrap(Fields.project(req, view)));
    }

    private Response create(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = ResourceBody.read(req, "floatingip", FloatingIps.CREATE_ATTRIBUTES);
        Written written = Transactions.write(l3.network().jdbi(), h -> {
            FloatingIpRow row = fips.create(h, caller, body);
            return new Written(FloatingIpView.render(h, l3.ports(), row), serverPorts(h, null, row));
        });
        tellCompute(written);
        return Response.created(wrap(written.view()));
    }

    private Response update(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = ResourceBody.read(req, "floatingip", FloatingIps.UPDATE_ATTRIBUTES);
        String id = req.param("id");
        Written written = Transactions.write(l3.network().jdbi(), h -> {
            FloatingIpRow before = fips.locked(h, caller, id);
            FloatingIpRow after = fips.update(h, caller, before, body);
            return new Written(FloatingIpView.render(h, l3.ports(), after), serverPorts(h, before, after));
        });
        tellCompute(written);
        return Response.ok(wrap(written.view()));
    }

    private Response delete(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String id = req.param("id");
        Written written = Transactions.write(l3.network().jdbi(), h -> {
            FloatingIpRow before = fips.locked(h, caller, id);
            fips.delete(h, caller, before);
            return new Written(null, serverPorts(h, before, null));
        });
        tellCompute(written);
        return Response.noContent();
    }

    /** A committed write: what to answer and which servers' ports changed floating IP. */
    private record Written(ObjectNode view, List<L3Ports.PortInfo> serverPorts) {
    }

    /** The servers' ports whose floating IP a write changes (the one it leaves and the one it joins). */
    private List<L3Ports.PortInfo> serverPorts(Handle h, FloatingIpRow before, FloatingIpRow after) {
        String from = before == null ? null : before.fixedPortId();
        String to = after == null ? null : after.fixedPortId();
        boolean same = from != null && from.equals(to) && before.fixedIpAddress().equals(after.fixedIpAddress());
        List<L3Ports.PortInfo> out = new ArrayList<>();
        if (same) {
            return out;
        }
        for (String portId : new LinkedHashSet<>(Arrays.asList(from, to))) {
            L3Ports.PortInfo port = portId == null ? null : l3.ports().port(h, portId);
            if (port != null && port.deviceOwner().startsWith("compute:") && !port.deviceId().isEmpty()) {
                out.add(port);
            }
        }
        return out;
    }

    /** Best effort, after the commit: Compute refreshes the server's addresses. */
    private void tellCompute(Written written) {
        for (L3Ports.PortInfo port : written.serverPorts()) {
            try {
                l3.compute().changed(port.deviceId(), port.id(), false);
            } catch (RuntimeException e) {
                LOG.warn("could not tell Compute that port {} of server {} changed floating IP: {}", port.id(),
                        port.deviceId(), e.toString());
            }
        }
    }

    private static ObjectNode wrap(ObjectNode fip) {
        ObjectNode out = Json.object();
        out.set("floatingip", fip);
        return out;
    }
}
