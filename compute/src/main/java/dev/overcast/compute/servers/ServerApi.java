package dev.overcast.compute.servers;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildRequest;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.InstanceMapping;
import dev.overcast.compute.conductor.ComputeHosts;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /servers}: create, list, show, update and delete, and the server actions. */
public final class ServerApi {
    private final ComputeContext ctx;
    private final ServerNeighbours n;
    private final ServerLookup lookup;
    private final ServerListing listing;
    private final ServerCreate creates;
    private final ServerTasks tasks;
    private final ServerActions actions;

    /** @param imageUrl the Image service's base URL, where snapshots are made */
    public ServerApi(ComputeContext ctx, ServerNeighbours neighbours, ComputeHosts hosts, String imageUrl) {
        this.ctx = ctx;
        this.n = neighbours;
        this.lookup = new ServerLookup(ctx);
        this.listing = new ServerListing(ctx, lookup);
        this.creates = new ServerCreate(ctx, neighbours);
        this.tasks = new ServerTasks(ctx, lookup, neighbours);
        this.actions = new ServerActions(ctx, lookup, tasks, hosts, neighbours, this::brief,
                imageUrl == null ? null : new dev.overcast.compute.images.Snapshots(imageUrl, ctx.settings().rpcTimeout()));
    }

    public void routes(Routes r) {
        r.get("/v2.1/servers", req -> list(req, false));
        r.get("/v2.1/servers/detail", req -> list(req, true));
        r.post("/v2.1/servers", this::create);
        r.get("/v2.1/servers/{id}", this::showOrUnknown);
        r.put("/v2.1/servers/{id}", this::update);
        r.delete("/v2.1/servers/{id}", req -> {
            actions.delete(req, req.param("id"));
            return Response.noContent();
        });
        r.post("/v2.1/servers/{id}/action", actions::handle);
        new ServerMetadataApi(ctx, lookup).routes(r);
        new ServerTagApi(ctx, lookup).routes(r);
        new InstanceActionApi(ctx, lookup).routes(r);
        new ServerInfoApi(ctx, lookup).routes(r);
        new InterfaceApi(ctx, lookup, tasks).routes(r);
        new ServerSecurityGroups(ctx, lookup, tasks).routes(r);
    }

    private Response create(Request req) {
        ServerCreate.Created created = creates.create(req);
        ObjectNode body = Json.object();
        if (req.json().path("server").path("return_reservation_id").asBoolean(false)) {
            body.put("reservation_id", created.reservationId());
            return Response.accepted(body);
        }
        BuildRequest first = created.builds().getFirst();
        ObjectNode s = body.putObject("server");
        s.put("id", first.uuid());
        ServerView.links(s, req, first.uuid());
        s.put("OS-DCF:diskConfig", DiskConfig.read(req.json().path("server").get("OS-DCF:diskConfig")));
        s.putArray("security_groups").addObject().put("name", "default");
        s.put("adminPass", created.adminPass());
        return Response.accepted(body).header("Location", req.serviceUrl() + "/v2.1/servers/" + first.uuid());
    }

    private Response list(Request req, boolean detail) {
        ctx.enforce(req, detail ? ServerPolicy.DETAIL : ServerPolicy.INDEX);
        ServerListing.Page page = listing.list(req, detail);
        ServerView.Visibility can = visibility(req);
        ObjectNode body = Json.object();
        ArrayNode servers = body.putArray("servers");
        for (ServerRecord r : page.servers()) {
            servers.add(detail ? ServerView.detail(req, r, can, hostStatus(r.instance(), can),
                    groupsOf(req, r.instance())) : ServerView.summary(req, r.instance()));
        }
        for (InstanceMapping m : page.unknown()) {
            servers.add(ServerView.unknown(req, m.instanceUuid(), m.projectId(), m.createdAt()));
        }
        if (page.full() && !page.servers().isEmpty()) {
            String last = page.servers().getLast().uuid();
            body.putArray("servers_links").addObject().put("rel", "next")
                    .put("href", nextLink(req, detail, last));
        }
        return Response.ok(body);
    }

    private static String nextLink(Request req, boolean detail, String marker) {
        StringBuilder q = new StringBuilder();
        req.queryParams().forEach((k, values) -> {
            if (!k.equals("marker")) {
                for (String v : values) {
                    q.append(q.isEmpty() ? "?" : "&").append(enc(k)).append('=').append(enc(v));
                }
            }
        });
        q.append(q.isEmpty() ? "?" : "&").append("marker=").append(marker);
        return req.serviceUrl() + "/v2.1/servers" + (detail ? "/detail" : "") + q;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A server, or from 2.69 what the API database knows of it when its cell does not answer. */
    private Response showOrUnknown(Request req) {
        try {
            return Response.ok(Map.of("server", show(req, req.param("id"))));
        } catch (ServerLookup.CellDown down) {
            InstanceMapping m = down.mapping();
            if (!req.versionAtLeast(2, 69) || !(m.projectId().equals(req.auth().projectId()) || lookup.isAdmin(req))) {
                throw down;
            }
            ObjectNode s = ServerView.unknown(req, m.instanceUuid(), m.projectId(), m.createdAt());
            s.put("user_id", m.userId());
            return Response.ok(Map.of("server", s));
        }
    }

    ObjectNode show(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.SHOW, Map.of("project_id", r.instance().projectId()));
        ServerView.Visibility can = visibility(req);
        return ServerView.detail(req, r, can, hostStatus(r.instance(), can), groupsOf(req, r.instance()));
    }

    private ServerView.Visibility visibility(Request req) {
        return new ServerView.Visibility(ctx.allows(req, ServerPolicy.EXTENDED_ATTRIBUTES, Map.of()),
                ctx.allows(req, ServerPolicy.SHOW_HOST_STATUS, Map.of()),
                ctx.allows(req, ServerPolicy.FLAVOR_EXTRA_SPECS, Map.of("project_id",
                        req.auth().projectId() == null ? "" : req.auth().projectId())),
                lookup.isAdmin(req));
    }

    private String hostStatus(Instance i, ServerView.Visibility can) {
        if (!can.hostStatus() || i.host() == null) {
            return "";
        }
        return n.hosts().status(i.host());
    }

    private List<String> groupsOf(Request req, Instance i) {
        return req.versionAtLeast(2, 71) ? n.groups().groupsOf(i.uuid()) : List.of();
    }

    private Response update(Request req) {
        String uuid = req.param("id");
        // A server still being placed is a build request: one no conductor holds is updated in
        // place; one a conductor holds reaches its cell within moments, and is updated there.
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Response done = updateOnce(req, uuid);
            if (done != null) {
                return done;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ApiException(409, "Cannot 'update' instance " + uuid + " while it is in vm_state building");
    }

    private static final int UPDATE_ATTEMPTS = 50;

    /** The update's answer, or null when the server is a build request a conductor holds. */
    private Response updateOnce(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.UPDATE, Map.of("project_id", r.instance().projectId()));
        JsonNode s = req.json().path("server");
        if (!s.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute server. 'server' is a required property");
        }
        UnknownAttributes.check(req, s, field -> switch (field) {
            case "name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig" -> true;
            case "description" -> req.versionAtLeast(2, 19);
            case "hostname" -> req.versionAtLeast(2, 90);
            default -> false;
        }, ServerApi::unexpected);
        Instance i = r.instance();
        String name = i.displayName();
        String description = i.description();
        String hostname = i.hostname();
        String v4 = i.accessIpV4();
        String v6 = i.accessIpV6();
        String diskConfig = null;
        for (var e : s.properties()) {
            String field = e.getKey();
            JsonNode v = e.getValue();
            switch (field) {
                case "name" -> name = text(v, field, 1, 255, false);
                case "description" -> description = text(v, field, 0, 255, true);
                case "hostname" -> hostname = text(v, field, 1, 63, false);
                case "accessIPv4" -> v4 = AccessAddresses.v4(field, text(v, field, 0, 64, true));
                case "accessIPv6" -> v6 = AccessAddresses.v6(field, text(v, field, 0, 64, true));
                case "OS-DCF:diskConfig" -> diskConfig = DiskConfig.read(v);
                default -> throw unexpected(field); // UnknownAttributes let through only these
            }
        }
        Instance updated = i.withUserFields(name, description, hostname, v4, v6, i.imageRef(), i.keyName(),
                i.keyData(), i.userData());
        if (r.cell() == null) {
            if (diskConfig != null) {
                updated = DiskConfig.withKey(updated, diskConfig);
            }
            return new BuildStore(ctx.api()).updateUnleased(updated, ctx.clock().instant())
                    ? Response.ok(Map.of("server", brief(req, uuid))) : null;
        }
        InstanceStore store = new InstanceStore(ctx.cells().db(r.cell()));
        store.updateUserFields(updated, ctx.clock().instant());
        if (diskConfig != null) {
            DiskConfig.remember(ctx, store, uuid, diskConfig);
        }
        return Response.ok(Map.of("server", brief(req, uuid)));
    }

    /** What an update or rebuild answers: the brief view before 2.75, the full one after. */
    ObjectNode brief(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ServerView.Visibility can = visibility(req);
        return ServerView.detail(req, r, can, hostStatus(r.instance(), can), groupsOf(req, r.instance()),
                !req.versionAtLeast(2, 75));
    }

    private static String text(JsonNode v, String field, int min, int max, boolean nullable) {
        if (v.isNull() && nullable) {
            return null;
        }
        if (!v.isString() || v.asString().length() < min || v.asString().length() > max) {
            throw CreateRequest.invalid(field, v.toString(), "it must be a string of " + min + " to " + max
                    + " characters");
        }
        return v.asString();
    }

    private static ApiException unexpected(String field) {
        return ApiException.badRequest("Invalid input for field/attribute server. Additional properties are not "
                + "allowed ('" + field + "' was unexpected)");
    }
}
