package dev.overcast.identity.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.user.UserApi;
import dev.overcast.identity.user.UserFilter;
import dev.overcast.identity.user.UserRow;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groups and their membership. A group's roles reach its members, so removing a member, or
 * deleting the group, revokes the tokens of those who lose the group's roles.
 */
public final class GroupApi {
    private static final Set<String> FIELDS = Set.of("id", "name", "domain_id", "description", "links");

    private final IdentityContext ctx;

    public GroupApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v3/groups", this::list)
                .post("/v3/groups", this::create)
                .get("/v3/groups/{group_id}", this::get)
                .patch("/v3/groups/{group_id}", this::update)
                .delete("/v3/groups/{group_id}", this::delete)
                .get("/v3/groups/{group_id}/users", this::members)
                .put("/v3/groups/{group_id}/users/{user_id}", this::addMember)
                .head("/v3/groups/{group_id}/users/{user_id}", this::checkMember)
                .delete("/v3/groups/{group_id}/users/{user_id}", this::removeMember);
    }

    private Response list(Request req) {
        Map<String, Object> target = new HashMap<>();
        req.query("domain_id").ifPresent(d -> target.put("target.domain_id", d));
        ctx.enforce(req, "identity:list_groups", target);
        var name = req.query("name");
        var domainId = req.query("domain_id");
        List<ObjectNode> out = new ArrayList<>();
        for (GroupRow row : ctx.jdbi().withExtension(GroupStore.class, GroupStore::list)) {
            if (name.map(row.name()::equals).orElse(true) && domainId.map(row.domainId()::equals).orElse(true)) {
                out.add(groupJson(req, row));
            }
        }
        return Response.ok(Entity.collection("groups", out, req.serviceUrl() + "/v3/groups"));
    }

    private Response create(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("group_create", req.json()).get("group");
        AuthContext caller = req.auth();
        String given = Entity.text(body, "domain_id");
        String domainId = given != null ? given
                : caller.projectDomain() != null ? caller.projectDomain().id()
                : caller.domainId() != null ? caller.domainId() : "default";
        ctx.enforce(req, "identity:create_group", Map.of("target.group.domain_id", domainId));
        ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(domainId))
                .orElseThrow(() -> ApiException.notFound("Could not find domain: " + domainId + "."));
        GroupRow row = new GroupRow(Ids.newId(), body.get("name").asString(), domainId,
                Entity.text(body, "description"), Entity.extra(body, FIELDS));
        ctx.jdbi().useTransaction(h -> {
            GroupStore store = h.attach(GroupStore.class);
            if (store.findByName(row.name(), domainId).isPresent()) {
                throw duplicate(row.name(), domainId);
            }
            store.insert(row);
        });
        return Response.created(Json.object().set("group", groupJson(req, row)));
    }

    private Response get(Request req) {
        GroupRow row = group(req.param("group_id"));
        ctx.enforce(req, "identity:get_group", target(row));
        return Response.ok(Json.object().set("group", groupJson(req, row)));
    }

    private Response update(Request req) {
        GroupRow row = group(req.param("group_id"));
        ctx.enforce(req, "identity:update_group", target(row));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("group_update", req.json()).get("group");
        String newDomain = Entity.text(body, "domain_id");
        if (newDomain != null && !newDomain.equals(row.domainId())) {
            throw ApiException.badRequest("Field 'domain_id' of a group cannot be updated.");
        }
        GroupRow updated = new GroupRow(row.id(), body.has("name") ? body.get("name").asString() : row.name(),
                row.domainId(), body.has("description") ? Entity.text(body, "description") : row.description(),
                Entity.mergeExtra(row.extra(), body, FIELDS));
        ctx.jdbi().useTransaction(h -> {
            GroupStore store = h.attach(GroupStore.class);
            if (!updated.name().equals(row.name()) && store.findByName(updated.name(), row.domainId()).isPresent()) {
                throw duplicate(updated.name(), row.domainId());
            }
            store.update(updated);
        });
        return Response.ok(Json.object().set("group", groupJson(req, updated)));
    }

    private Response delete(Request req) {
        GroupRow row = group(req.param("group_id"));
        ctx.enforce(req, "identity:delete_group", target(row));
        List<String> members = ctx.jdbi().inTransaction(h -> {
            List<String> ids = h.attach(GroupStore.class).memberIds(row.id());
            h.createUpdate("delete from assignment where actor_id = :id").bind("id", row.id()).execute();
            h.createUpdate("delete from user_group where group_id = :id").bind("id", row.id()).execute();
            h.attach(GroupStore.class).delete(row.id());
            return ids;
        });
        members.forEach(this::revokeUser);
        return Response.noContent();
    }

    private Response members(Request req) {
        GroupRow row = group(req.param("group_id"));
        ctx.enforce(req, "identity:list_users_in_group", target(row));
        var name = req.query("name");
        var enabled = req.query("enabled").map(UserFilter::bool);
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> {
            UserStore users = h.attach(UserStore.class);
            List<ObjectNode> list = new ArrayList<>();
            for (String id : h.attach(GroupStore.class).memberIds(row.id())) {
                users.find(id).filter(u -> name.map(u.name()::equals).orElse(true)
                                && enabled.map(e -> e == u.enabled()).orElse(true))
                        .ifPresent(u -> list.add(UserApi.userJson(req, u)));
            }
            return list;
        });
        return Response.ok(Entity.collection("users", out, req.serviceUrl() + "/v3/groups/" + row.id() + "/users"));
    }

    private Response addMember(Request req) {
        GroupRow row = group(req.param("group_id"));
        UserRow user = user(req.param("user_id"));
        ctx.enforce(req, "identity:add_user_to_group", memberTarget(row, user));
        ctx.jdbi().useTransaction(h -> {
            GroupStore store = h.attach(GroupStore.class);
            if (store.countMember(row.id(), user.id()) == 0) {
                store.addMember(row.id(), user.id());
            }
        });
        return Response.noContent();
    }

    private Response checkMember(Request req) {
        GroupRow row = group(req.param("group_id"));
        UserRow user = user(req.param("user_id"));
        ctx.enforce(req, "identity:check_user_in_group", memberTarget(row, user));
        if (ctx.jdbi().withExtension(GroupStore.class, s -> s.countMember(row.id(), user.id())) == 0) {
            throw notMember(row, user);
        }
        return Response.noContent();
    }

    private Response removeMember(Request req) {
        GroupRow row = group(req.param("group_id"));
        UserRow user = user(req.param("user_id"));
        ctx.enforce(req, "identity:remove_user_from_group", memberTarget(row, user));
        if (ctx.jdbi().withExtension(GroupStore.class, s -> s.removeMember(row.id(), user.id())) == 0) {
            throw notMember(row, user);
        }
        revokeUser(user.id());
        return Response.noContent();
    }

    // ---- helpers ----

    private void revokeUser(String userId) {
        ctx.revoke(RevocationEvent.ofUser(userId, ctx.clock().instant()));
    }

    private GroupRow group(String id) {
        return ctx.jdbi().withExtension(GroupStore.class, s -> s.find(id))
                .orElseThrow(() -> ApiException.notFound("Could not find group: " + id + "."));
    }

    private UserRow user(String id) {
        return ctx.jdbi().withExtension(UserStore.class, s -> s.find(id))
                .orElseThrow(() -> ApiException.notFound("Could not find user: " + id + "."));
    }

    private static ApiException notMember(GroupRow group, UserRow user) {
        return ApiException.notFound("User " + user.id() + " is not a member of group " + group.id() + ".");
    }

    private static ApiException duplicate(String name, String domainId) {
        return ApiException.conflict("Conflict occurred attempting to store group - Duplicate entry found with name "
                + name + " at domain ID " + domainId + ".");
    }

    private static Map<String, Object> target(GroupRow row) {
        return Map.of("target.group.id", row.id(), "target.group.domain_id", row.domainId());
    }

    private static Map<String, Object> memberTarget(GroupRow group, UserRow user) {
        return Map.of("target.group.id", group.id(), "target.group.domain_id", group.domainId(),
                "target.user.id", user.id(), "target.user.domain_id", user.domainId());
    }

    /** A group as Keystone shows it. */
    public static ObjectNode groupJson(Request req, GroupRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("domain_id", row.domainId());
        out.put("description", row.description() == null ? "" : row.description());
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/groups/" + row.id());
    }
}
