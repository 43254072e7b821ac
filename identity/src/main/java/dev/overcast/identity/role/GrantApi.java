package dev.overcast.identity.role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import tools.jackson.databind.node.ObjectNode;


/**
 * Grants of roles to users and groups on projects, domains and the system (with
 * OS-INHERIT's inherited ones), and {@code /v3/role_assignments} with its effective view.
 */
public final class GrantApi {
    private final IdentityContext ctx;
    private final RoleApi roles;

    public GrantApi(IdentityContext ctx) {
        this.ctx = ctx;
        this.roles = new RoleApi(ctx);
    }

    /** Where a grant is made: on projects, domains or the system; to users or groups; inherited or not. */
    private record GrantPath(String target, String actor, boolean inherited) {
        boolean onSystem() {
            return target.equals("system");
        }

        boolean toGroup() {
            return actor.equals("groups");
        }

        String type() {
            return (toGroup() ? "Group" : "User") + switch (target) {
                case "projects" -> "Project";
                case "domains" -> "Domain";
                default -> "System";
            };
        }

        /** The policy rule for an action: Keystone names system grants apart. */
        String rule(String action) {
            if (!onSystem()) {
                return "identity:" + action + (action.startsWith("list") ? "_grants" : "_grant");
            }
            String who = toGroup() ? "group" : "user";
            return "identity:" + action + (action.startsWith("list") ? "_system_grants_for_" : "_system_grant_for_") + who;
        }
    }

    public void routes(Routes r) {
        r.get("/v3/role_assignments", this::listAssignments);
        for (String actor : List.of("users", "groups")) {
            for (String target : List.of("projects", "domains", "system")) {
                GrantPath path = new GrantPath(target, actor, false);
                String base = path.onSystem() ? "/v3/system/" + actor + "/{actor_id}/roles"
                        : "/v3/" + target + "/{target_id}/" + actor + "/{actor_id}/roles";
                grantRoutes(r, path, base, base + "/{role_id}");
            }
            for (String target : List.of("projects", "domains")) {
                GrantPath path = new GrantPath(target, actor, true);
                String base = "/v3/OS-INHERIT/" + target + "/{target_id}/" + actor + "/{actor_id}/roles";
                grantRoutes(r, path, base + "/inherited_to_projects", base + "/{role_id}/inherited_to_projects");
            }
        }
    }

    private void grantRoutes(Routes r, GrantPath path, String list, String one) {
        r.get(list, req -> listGrants(req, path))
                .put(one, req -> createGrant(req, path))
                .get(one, req -> checkGrant(req, path))
                .delete(one, req -> revokeGrant(req, path));
    }

    // ---- grants ----

    /** The grant a request names, after checking that its actor, target and role exist. */
    private AssignmentRow grant(Request req, GrantPath path, String roleId) {
        String actorId = req.param("actor_id");
        String table = path.toGroup() ? "groups" : "users";
        if (ctx.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table + " where id = :id")
                .bind("id", actorId).mapTo(Integer.class).one()) == 0) {
            throw ApiException.notFound("Could not find " + (path.toGroup() ? "group" : "user") + ": " + actorId + ".");
        }
        String targetId = path.onSystem() ? AssignmentRow.SYSTEM : req.param("target_id");
        if (!path.onSystem()) {
            var found = ctx.jdbi().withExtension(ProjectStore.class, s -> path.target().equals("domains")
                    ? s.findDomain(targetId) : s.find(targetId).filter(p -> !p.isDomain()));
            if (found.isEmpty()) {
                throw ApiException.notFound("Could not find " + (path.target().equals("domains") ? "domain" : "project")
                        + ": " + targetId + ".");
            }
            if (roleId != null) {
                RoleRow role = role(roleId);
                String targetDomain = path.target().equals("domains") ? targetId : found.get().domainId();
                if (!role.isGlobal() && !role.domainId().equals(targetDomain)) {
                    throw ApiException.forbidden("Role " + role.id() + " is specific to domain " + role.domainId()
                            + " and cannot be granted on " + targetId + ".");
                }
            }
        } else if (roleId != null) {
            role(roleId);
        }
        return new AssignmentRow(path.type(), actorId, targetId, roleId, path.inherited());
    }

    private Map<String, Object> grantTarget(GrantPath path, AssignmentRow grant) {
        Map<String, Object> target = new HashMap<>();
        target.put(path.toGroup() ? "target.group.id" : "target.user.id", grant.actorId());
        if (path.target().equals("projects")) {
            target.put("target.project.id", grant.targetId());
        } else if (path.target().equals("domains")) {
            target.put("target.domain.id", grant.targetId());
        }
        if (grant.roleId() != null) {
            target.put("target.role.id", grant.roleId());
        }
        return target;
    }

    private Response createGrant(Request req, GrantPath path) {
        AssignmentRow grant = grant(req, path, req.param("role_id"));
        ctx.enforce(req, path.rule("create"), grantTarget(path, grant));
        ctx.jdbi().useExtension(RoleStore.class, s -> {
            if (s.countGrant(grant) == 0) {
                s.grant(grant);
            }
        });
        return Response.noContent();
    }

    private Response checkGrant(Request req, GrantPath path) {
        AssignmentRow grant = grant(req, path, req.param("role_id"));
        ctx.enforce(req, path.rule("check"), grantTarget(path, grant));
        if (ctx.jdbi().withExtension(RoleStore.class, s -> s.countGrant(grant)) == 0) {
            throw noSuchGrant(grant);
        }
        return Response.noContent();
    }

    private Response revokeGrant(Request req, GrantPath path) {
        AssignmentRow grant = grant(req, path, req.param("role_id"));
        ctx.enforce(req, path.rule("revoke"), grantTarget(path, grant));
        List<String> users = ctx.jdbi().inTransaction(h -> {
            if (h.attach(RoleStore.class).revoke(grant) == 0) {
                throw noSuchGrant(grant);
            }
            return grant.isGroup() ? members(h, grant.actorId()) : List.of(grant.actorId());
        });
        Instant now = ctx.clock().instant();
        for (String user : users) {
            ctx.revoke(grant.onProject() && !grant.inherited() && !grant.isGroup()
                    ? RevocationEvent.ofUserInProject(user, grant.targetId(), now)
                    : RevocationEvent.ofUser(user, now));
        }
        return Response.noContent();
    }

    private Response listGrants(Request req, GrantPath path) {
        AssignmentRow grant = grant(req, path, null);
        ctx.enforce(req, path.rule("list"), grantTarget(path, grant));
        List<RoleRow> roles = ctx.jdbi().withExtension(RoleStore.class, s -> {
            List<String> ids = s.grants(grant.type(), grant.actorId(), grant.targetId(), grant.inherited()).stream()
                    .map(AssignmentRow::roleId).toList();
            return ids.isEmpty() ? List.<RoleRow>of() : s.findAll(ids);
        });
        return Response.ok(Entity.collection("roles", roles.stream().map(r -> roleJson(req, r)).toList(),
                req.serviceUrl() + req.path()));
    }

    private static ApiException noSuchGrant(AssignmentRow grant) {
        return ApiException.notFound("Could not find role assignment with role: " + grant.roleId() + ", "
                + (grant.isGroup() ? "group" : "user") + ": " + grant.actorId() + ", target: " + grant.targetId() + ".");
    }

    private static List<String> members(Handle h, String groupId) {
        return h.createQuery("select user_id from user_group where group_id = :g").bind("g", groupId)
                .mapTo(String.class).list();
    }

    // ---- role assignments ----

    private Response listAssignments(Request req) {
        boolean effective = req.flag("effective");
        boolean includeNames = req.flag("include_names");
        boolean includeSubtree = req.flag("include_subtree");
        var userId = req.query("user.id");
        var groupId = req.query("group.id");
        var roleId = req.query("role.id");
        var projectId = req.query("scope.project.id");
        var domainId = req.query("scope.domain.id");
        var system = req.query("scope.system");
        var inheritedTo = req.query("scope.OS-INHERIT:inherited_to");
        if (projectId.isPresent() && domainId.isPresent()) {
            throw ApiException.badRequest("Specify a domain or project, not both.");
        }
        if (includeSubtree && projectId.isEmpty()) {
            throw ApiException.badRequest("scope.project.id needs to be specified if include_subtree is also specified.");
        }
        if (effective && groupId.isPresent()) {
            throw ApiException.badRequest("Combining effective and group filter will always result in an empty list.");
        }
        if (userId.isPresent() && groupId.isPresent()) {
            throw ApiException.badRequest("Specify a user or group, not both.");
        }
        Map<String, Object> target = new HashMap<>();
        domainId.ifPresent(d -> target.put("target.domain.id", d));
        projectId.ifPresent(p -> ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(p))
                .ifPresent(row -> target.put("target.domain.id", row.isDomain() ? row.id() : row.domainId())));
        ctx.enforce(req, includeSubtree ? "identity:list_role_assignments_for_tree" : "identity:list_role_assignments",
                target);

        return ctx.jdbi().inTransaction(h -> {
            RoleStore store = h.attach(RoleStore.class);
            List<ProjectRow> projects = new ArrayList<>(h.attach(ProjectStore.class).list(false));
            projects.addAll(h.attach(ProjectStore.class).list(true));
            Map<String, List<String>> children = new HashMap<>();
            projects.forEach(p -> {
                if (p.parentId() != null) {
                    children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p.id());
                }
            });
            Set<String> domains = projects.stream().filter(ProjectRow::isDomain).map(ProjectRow::id)
                    .collect(Collectors.toSet());
            List<AssignmentRow> stored = store.assignments();
            List<AssignmentExpansion.Listed> listed;
            if (effective) {
                List<RoleRow> roles = store.list();
                var world = new AssignmentExpansion.World(g -> members(h, g),
                        id -> below(id, children).stream().filter(p -> !domains.contains(p)).toList(),
                        RoleApi.rules(store), roles.stream().filter(r -> !r.isGlobal()).map(RoleRow::id)
                        .collect(Collectors.toSet()));
                listed = AssignmentExpansion.effective(stored, world);
            } else {
                listed = stored.stream().map(AssignmentExpansion.Listed::stored).toList();
            }
            Set<String> projectScope = new HashSet<>();
            projectId.ifPresent(p -> {
                projectScope.add(p);
                if (includeSubtree) {
                    projectScope.addAll(below(p, children));
                }
            });
            List<AssignmentExpansion.Listed> kept = listed.stream().filter(l -> {
                AssignmentRow a = l.row();
                return (userId.isEmpty() || !a.isGroup() && a.actorId().equals(userId.get()))
                        && (groupId.isEmpty() || a.isGroup() && a.actorId().equals(groupId.get()))
                        && (roleId.isEmpty() || a.roleId().equals(roleId.get()))
                        && (projectId.isEmpty() || a.onProject() && projectScope.contains(a.targetId()))
                        && (domainId.isEmpty() || a.onDomain() && a.targetId().equals(domainId.get()))
                        && (system.isEmpty() || a.onSystem())
                        && (inheritedTo.isEmpty() || a.inherited());
            }).toList();
            Names names = includeNames ? Names.load(h, kept) : null;
            List<ObjectNode> out = kept.stream().map(l -> assignmentJson(req, l, names)).toList();
            String self = req.serviceUrl() + "/v3/role_assignments";
            return Response.ok(Entity.collection("role_assignments", out, self));
        });
    }

    /** Every project or domain below {@code id} in the parent tree, at any depth. */
    private static List<String> below(String id, Map<String, List<String>> children) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(children.getOrDefault(id, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (seen.add(next)) {
                out.add(next);
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    /** The names {@code include_names} adds: of roles, users, groups, projects and domains. */
    private record Names(Map<String, RoleRow> roles, Map<String, String[]> actors, Map<String, ProjectRow> targets) {
        static Names load(Handle h, List<AssignmentExpansion.Listed> listed) {
            Map<String, RoleRow> roles = h.attach(RoleStore.class).list().stream()
                    .collect(Collectors.toMap(RoleRow::id, r -> r));
            Map<String, String[]> actors = new HashMap<>();
            for (String table : List.of("users", "groups")) {
                h.createQuery("select id, name, domain_id from " + table)
                        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .forEach(a -> actors.put(a[0], a));
            }
            Map<String, ProjectRow> targets = new HashMap<>();
            ProjectStore projects = h.attach(ProjectStore.class);
            projects.list(false).forEach(p -> targets.put(p.id(), p));
            projects.list(true).forEach(p -> targets.put(p.id(), p));
            return new Names(roles, actors, targets);
        }

        ObjectNode domain(String id) {
            ObjectNode out = Json.object().put("id", id);
            ProjectRow d = targets.get(id);
            return d == null ? out : out.put("name", d.name());
        }
    }

    private static ObjectNode assignmentJson(Request req, AssignmentExpansion.Listed listed, Names names) {
        AssignmentRow a = listed.row();
        ObjectNode out = Json.object();
        ObjectNode role = out.putObject("role").put("id", a.roleId());
        ObjectNode actor = out.putObject(a.isGroup() ? "group" : "user").put("id", a.actorId());
        ObjectNode scope = out.putObject("scope");
        ObjectNode target;
        if (a.onSystem()) {
            target = scope.putObject("system").put("all", true);
        } else {
            target = scope.putObject(a.onProject() ? "project" : "domain").put("id", a.targetId());
        }
        if (a.inherited()) {
            scope.put("OS-INHERIT:inherited_to", "projects");
        }
        if (names != null) {
            RoleRow r = names.roles().get(a.roleId());
            if (r != null) {
                role.put("name", r.name());
                if (!r.isGlobal()) {
                    role.set("domain", names.domain(r.domainId()));
                }
            }
            String[] who = names.actors().get(a.actorId());
            if (who != null) {
                actor.put("name", who[1]);
                actor.set("domain", names.domain(who[2]));
            }
            ProjectRow t = names.targets().get(a.targetId());
            if (t != null) {
                target.put("name", t.name());
                if (!t.isDomain()) {
                    target.set("domain", names.domain(t.domainId()));
                }
            }
        }
        ObjectNode links = out.putObject("links");
        links.put("assignment", req.serviceUrl() + grantUrl(listed.source()));
        if (listed.viaGroupId() != null) {
            links.put("membership", req.serviceUrl() + "/v3/groups/" + listed.viaGroupId() + "/users/" + a.actorId());
        }
        if (listed.priorRoleId() != null) {
            links.put("prior_role", req.serviceUrl() + "/v3/roles/" + listed.priorRoleId() + "/implies/" + a.roleId());
        }
        return out;
    }

    /** The URL of a stored grant, as {@code links.assignment} shows it. */
    static String grantUrl(AssignmentRow a) {
        String actor = (a.isGroup() ? "/groups/" : "/users/") + a.actorId() + "/roles/" + a.roleId();
        String target = a.onProject() ? "/projects/" + a.targetId() : a.onDomain() ? "/domains/" + a.targetId() : "/system";
        return a.inherited() ? "/v3/OS-INHERIT" + target + actor + "/inherited_to_projects" : "/v3" + target + actor;
    }

    private RoleRow role(String id) {
        return roles.role(id);
    }

    private static ObjectNode roleJson(Request req, RoleRow row) {
        return RoleApi.roleJson(req, row);
    }
}
