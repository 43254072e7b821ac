package dev.overcast.network.secgroups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2.0/security-groups}: create, list, show, update and delete groups. A project sees
 * its own groups, an admin every project's; another project's group is a 404, as upstream.
 */
final class SecurityGroupApi {
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "stateful");
    private static final Set<String> UPDATE = Set.of("name", "description", "stateful");

    private final NetworkContext ctx;
    private final QuotaCheck quotas;
    private final DefaultGroups defaults;
    private final NeutronListing listing;

    SecurityGroupApi(NetworkContext ctx, QuotaCheck quotas, DefaultGroups defaults) {
        this.ctx = ctx;
        this.quotas = quotas;
        this.defaults = defaults;
        this.listing = NeutronListing.builder("security_groups", SecurityGroupView.GROUP_ATTRIBUTES,
                ctx.settings().maxLimit()).build();
    }

    void routes(Routes r) {
        r.get("/v2.0/security-groups", this::list)
                .post("/v2.0/security-groups", this::create)
                .get("/v2.0/security-groups/{id}", this::show)
                .put("/v2.0/security-groups/{id}", this::update)
                .delete("/v2.0/security-groups/{id}", this::delete);
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        boolean admin = ctx.isAdmin(auth);
        List<ObjectNode> items = Transactions.write(ctx.jdbi(), h -> {
            ensureDefaults(h, req, auth, admin);
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            List<GroupRow> groups = admin ? store.allGroups() : store.groupsOf(auth.projectId());
            groups = groups.stream().filter(g -> ctx.allowed(auth, "get_security_group", target(g))).toList();
            return render(store, groups);
        });
        return Response.ok(listing.render(req, items));
    }

    /**
     * Upstream makes the default group of the project a list is about: the caller's, or for an
     * admin the project it filters by.
     */
    private void ensureDefaults(Handle h, Request req, AuthContext auth, boolean admin) {
        List<String> filtered = new ArrayList<>(req.queryParams().getOrDefault("project_id", List.of()));
        filtered.addAll(req.queryParams().getOrDefault("tenant_id", List.of()));
        if (admin && !filtered.isEmpty()) {
            defaults.ensure(h, filtered.getFirst());
        } else if (auth.projectId() != null) {
            defaults.ensure(h, auth.projectId());
        }
    }

    private static List<ObjectNode> render(SecurityGroupStore store, List<GroupRow> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<String> ids = groups.stream().map(GroupRow::id).toList();
        Map<String, List<RuleRow>> rules = store.rulesIn(ids).stream()
                .collect(Collectors.groupingBy(RuleRow::securityGroupId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<String>> tags = store.tagsIn(ids).stream().collect(Collectors.groupingBy(
                SecurityGroupStore.Tag::resourceId, Collectors.mapping(SecurityGroupStore.Tag::tag, Collectors.toList())));
        return groups.stream().map(g -> SecurityGroupView.group(g, rules.getOrDefault(g.id(), List.of()),
                tags.getOrDefault(g.id(), List.of()))).toList();
    }

    private Response show(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        // Upstream makes a project's default group when it lists groups, not when it shows one (a
        // service reading a server's groups by id must not get a default group of its own).
        ObjectNode item = ctx.jdbi().inTransaction(h -> {
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            GroupRow group = visible(store, auth, id);
            ctx.enforce(req, "get_security_group", target(group));
            return render(store, List.of(group)).getFirst();
        });
        return Response.ok(Json.object().set("security_group", Fields.project(req, item)));
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ObjectNode body = ResourceBody.read(req, "security_group", CREATE);
        String name = notDefault(Attributes.string(body, "name", 255, ""));
        String description = Attributes.string(body, "description", 255, "");
        Boolean stateful = Attributes.bool(body, "stateful");
        String owner = owner(body, auth);
        ctx.enforce(req, "create_security_group", Map.of("project_id", owner));
        ObjectNode item = Transactions.write(ctx.jdbi(), h -> {
            // The quota lock first, as a port create takes it before it makes the default group.
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            boolean makesDefault = store.defaultGroupOf(owner).isEmpty();
            quotas.check(h, owner, "security_group", makesDefault ? 2 : 1);
            quotas.check(h, owner, "security_group_rule", RuleSpec.ETHERTYPES.size() * (makesDefault ? 3 : 1));
            defaults.ensure(h, owner);
            Instant now = ctx.clock().instant();
            GroupRow group = new GroupRow(UUID.randomUUID().toString(), owner, name, description,
                    stateful == null || stateful, now, now, 0);
            store.insertGroup(group);
            DefaultGroups.addEgressRules(store, group, now);
            return render(store, List.of(group)).getFirst();
        });
        return Response.created(Json.object().set("security_group", item));
    }

    private Response update(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        ObjectNode body = ResourceBody.read(req, "security_group", UPDATE);
        String name = body.has("name") ? notDefault(Attributes.string(body, "name", 255, "")) : null;
        String description = Attributes.string(body, "description", 255, null);
        Boolean stateful = Attributes.bool(body, "stateful");
        ObjectNode item = Transactions.write(ctx.jdbi(), h -> {
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            GroupRow group = visible(store, auth, id);
            ctx.enforce(req, "update_security_group", target(group));
            group = store.lockGroup(id).orElseThrow(() -> notFound(id));
            if (group.isDefault() && name != null) {
                throw NeutronErrors.conflict("SecurityGroupCannotUpdateDefault",
                        "Updating default security group not allowed.");
            }
            if (stateful != null && stateful != group.stateful() && store.portsUsing(id) > 0) {
                throw inUse(id);
            }
            GroupRow updated = group.updated(name != null ? name : group.name(),
                    description != null ? description : group.description(),
                    stateful != null ? stateful : group.stateful(), ctx.clock().instant());
            store.updateGroup(updated);
            return render(store, List.of(updated)).getFirst();
        });
        return Response.ok(Json.object().set("security_group", item));
    }

    private Response delete(Request req) {
        AuthContext auth = req.auth();
        String id = req.param("id");
        Transactions.write(ctx.jdbi(), h -> {
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            GroupRow group = visible(store, auth, id);
            ctx.enforce(req, "delete_security_group", target(group));
            // Locked, so that a port joining the group (which locks it too) waits or is refused.
            group = store.lockGroup(id).orElseThrow(() -> notFound(id));
            if (store.portsUsing(id) > 0) {
                throw inUse(id);
            }
            if (group.isDefault() && !ctx.isAdmin(auth)) {
                throw NeutronErrors.conflict("SecurityGroupCannotRemoveDefault",
                        "Insufficient rights for removing default security group.");
            }
            store.deleteTags(id);
            store.deleteGroup(id);
            return null;
        });
        return Response.noContent();
    }

    /** See {@link SecurityGroupFeature#checkTaggable}. */
    void checkTaggable(Handle h, Request req, String id, boolean modify) {
        GroupRow group = visible(h.attach(SecurityGroupStore.class), req.auth(), id);
        ctx.enforce(req, modify ? "update_security_group" : "get_security_group", target(group));
    }

    private GroupRow visible(SecurityGroupStore store, AuthContext auth, String id) {
        return store.group(id).filter(g -> ctx.isAdmin(auth) || g.projectId().equals(auth.projectId()))
                .orElseThrow(() -> notFound(id));
    }

    /** The owner a create names ({@code project_id} or {@code tenant_id}), else the caller's project. */
    static String owner(ObjectNode body, AuthContext auth) {
        String named = RuleSpec.owner(body);
        String owner = named != null ? named : auth.projectId();
        if (owner == null) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Failed to parse request. Required attribute 'project_id' not specified");
        }
        return owner;
    }

    private static String notDefault(String name) {
        if (name.equalsIgnoreCase(DefaultGroups.NAME)) {
            throw NeutronErrors.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        return name;
    }

    static Map<String, Object> target(GroupRow g) {
        return Map.of("project_id", g.projectId(), "tenant_id", g.projectId());
    }

    static RuntimeException notFound(String id) {
        return NeutronErrors.of(404, "SecurityGroupNotFound", "Security group " + id + " does not exist");
    }

    static RuntimeException inUse(String id) {
        return NeutronErrors.conflict("SecurityGroupInUse", "Security Group " + id + " in use.");
    }
}
