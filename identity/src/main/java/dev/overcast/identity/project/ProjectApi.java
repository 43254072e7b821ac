package dev.overcast.identity.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.Ids;
import dev.overcast.identity.IdentityContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Domains, projects and project tags. A domain is a project with {@code is_domain}; a
 * top-level project's parent is its domain, as in Keystone.
 */
public final class ProjectApi {
    private static final Set<String> PROJECT_FIELDS = Set.of("id", "name", "domain_id", "parent_id",
            "description", "enabled", "is_domain", "tags", "links", "options");
    private static final Set<String> DOMAIN_FIELDS = Set.of("id", "name", "description", "enabled",
            "explicit_domain_id", "tags", "links", "options");

    private final IdentityContext ctx;

    public ProjectApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v3/domains", this::listDomains)
                .post("/v3/domains", this::createDomain)
                .get("/v3/domains/{domain_id}", this::getDomain)
                .patch("/v3/domains/{domain_id}", this::updateDomain)
                .delete("/v3/domains/{domain_id}", this::deleteDomain)
                .get("/v3/projects", this::listProjects)
                .post("/v3/projects", this::createProject)
                .get("/v3/projects/{project_id}", this::getProject)
                .patch("/v3/projects/{project_id}", this::updateProject)
                .delete("/v3/projects/{project_id}", this::deleteProject)
                .get("/v3/projects/{project_id}/tags", this::listTags)
                .put("/v3/projects/{project_id}/tags", this::replaceTags)
                .delete("/v3/projects/{project_id}/tags", this::clearTags)
                .get("/v3/projects/{project_id}/tags/{tag}", this::checkTag)
                .put("/v3/projects/{project_id}/tags/{tag}", this::addTag)
                .delete("/v3/projects/{project_id}/tags/{tag}", this::removeTag);
    }

    // ---- domains ----

    private Response listDomains(Request req) {
        AuthContext auth = ctx.enforce(req, "identity:list_domains", Map.of());
        var name = req.query("name");
        var enabled = req.query("enabled").map(ProjectApi::parseBool);
        List<ObjectNode> out = new ArrayList<>();
        for (ProjectRow row : ctx.jdbi().withExtension(ProjectStore.class, s -> s.list(true))) {
            if (name.isPresent() && !name.get().equals(row.name())
                    || enabled.isPresent() && enabled.get() != row.enabled()) {
                continue;
            }
            out.add(domainJson(req, row, List.of()));
        }
        return Response.ok(Entity.collection("domains", out, req.serviceUrl() + "/v3/domains"));
    }

    private Response createDomain(Request req) {
        ctx.enforce(req, "identity:create_domain", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("domain_create", req.json()).get("domain");
        String id = body.has("explicit_domain_id") ? body.get("explicit_domain_id").asString() : Ids.newId();
        ProjectRow row = new ProjectRow(id, body.get("name").asString(), ProjectRow.ROOT, null,
                Entity.text(body, "description"), Entity.bool(body, "enabled", true), true,
                Entity.extra(body, DOMAIN_FIELDS), ctx.clock().instant());
        List<String> tags = tags(body);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            if (store.find(id).isPresent() || store.findDomainByName(row.name()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry.");
            }
            store.insert(row);
            tags.forEach(t -> store.addTag(id, t));
        });
        return Response.created(Json.object().set("domain", domainJson(req, row, tags)));
    }

    private Response getDomain(Request req) {
        ProjectRow row = domain(req.param("domain_id"));
        ctx.enforce(req, "identity:get_domain", Map.of("target.domain.id", row.id()));
        return Response.ok(Json.object().set("domain", domainJson(req, row, tags(row.id()))));
    }

    private Response updateDomain(Request req) {
        ProjectRow row = domain(req.param("domain_id"));
        ctx.enforce(req, "identity:update_domain", Map.of("target.domain.id", row.id()));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("domain_update", req.json()).get("domain");
        ProjectRow updated = merge(row, body, DOMAIN_FIELDS);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            if (!updated.name().equals(row.name()) && store.findDomainByName(updated.name()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry.");
            }
            store.update(updated);
            if (body.has("tags")) {
                store.clearTags(row.id());
                tags(body).forEach(t -> store.addTag(row.id(), t));
            }
        });
        if (row.enabled() && !updated.enabled()) {
            ctx.revoke(RevocationEvent.ofDomain(row.id(), ctx.clock().instant()));
        }
        return Response.ok(Json.object().set("domain", domainJson(req, updated, tags(row.id()))));
    }

    private Response deleteDomain(Request req) {
        ProjectRow row = domain(req.param("domain_id"));
        ctx.enforce(req, "identity:delete_domain", Map.of("target.domain.id", row.id()));
        if (row.enabled()) {
            throw ApiException.forbidden("Cannot delete a domain that is enabled, please disable it first.");
        }
        ctx.jdbi().useTransaction(h -> deleteDomainContent(h, row.id()));
        ctx.revoke(RevocationEvent.ofDomain(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    /** Deletes a domain and everything it owns: projects, users, groups, domain roles, assignments. */
    private static void deleteDomainContent(Handle h, String domainId) {
        List<String> owned = new ArrayList<>();
        owned.addAll(h.createQuery("select id from project where domain_id = :d").bind("d", domainId).mapTo(String.class).list());
        owned.addAll(h.createQuery("select id from users where domain_id = :d").bind("d", domainId).mapTo(String.class).list());
        owned.addAll(h.createQuery("select id from groups where domain_id = :d").bind("d", domainId).mapTo(String.class).list());
        owned.add(domainId);
        for (String id : owned) {
            h.createUpdate("delete from assignment where actor_id = :id or target_id = :id").bind("id", id).execute();
        }
        h.createUpdate("delete from project where domain_id = :d").bind("d", domainId).execute();
        h.createUpdate("delete from users where domain_id = :d").bind("d", domainId).execute();
        h.createUpdate("delete from groups where domain_id = :d").bind("d", domainId).execute();
        h.createUpdate("delete from role where domain_id = :d").bind("d", domainId).execute();
        h.createUpdate("delete from project where id = :d").bind("d", domainId).execute();
    }

    // ---- projects ----

    private Response listProjects(Request req) {
        Map<String, Object> target = new HashMap<>();
        req.query("domain_id").ifPresent(d -> target.put("domain_id", d));
        AuthContext auth = ctx.enforce(req, "identity:list_projects", target);
        var name = req.query("name");
        var domainId = req.query("domain_id");
        var parentId = req.query("parent_id");
        var enabled = req.query("enabled").map(ProjectApi::parseBool);
        boolean isDomain = req.query("is_domain").map(ProjectApi::parseBool).orElse(false);
        List<String> allTags = csv(req.query("tags").orElse(null));
        List<String> anyTags = csv(req.query("tags-any").orElse(null));
        List<String> notTags = csv(req.query("not-tags").orElse(null));
        List<String> notAnyTags = csv(req.query("not-tags-any").orElse(null));
        List<ObjectNode> out = new ArrayList<>();
        ctx.jdbi().useExtension(ProjectStore.class, store -> {
            for (ProjectRow row : store.list(isDomain)) {
                if (name.isPresent() && !name.get().equals(row.name())
                        || domainId.isPresent() && !domainId.get().equals(row.domainId())
                        || parentId.isPresent() && !parentId.get().equals(row.parentId())
                        || enabled.isPresent() && enabled.get() != row.enabled()) {
                    continue;
                }
                List<String> tags = store.tags(row.id());
                if (!allTags.isEmpty() && !tags.containsAll(allTags)
                        || !anyTags.isEmpty() && anyTags.stream().noneMatch(tags::contains)
                        || !notTags.isEmpty() && tags.containsAll(notTags)
                        || !notAnyTags.isEmpty() && notAnyTags.stream().anyMatch(tags::contains)) {
                    continue;
                }
                out.add(projectJson(req, row, tags));
            }
        });
        return Response.ok(Entity.collection("projects", out, req.serviceUrl() + "/v3/projects"));
    }

    private Response createProject(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("project_create", req.json()).get("project");
        AuthContext caller = req.auth();
        boolean isDomain = Entity.bool(body, "is_domain", false);
        String parentId = Entity.text(body, "parent_id");
        String domainId = Entity.text(body, "domain_id");
        ProjectRow parent = null;
        if (parentId != null) {
            parent = ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(parentId))
                    .orElseThrow(() -> ApiException.notFound("Could not find project: " + parentId + "."));
            if (domainId == null) {
                domainId = parent.isDomain() ? parent.id() : parent.domainId();
            }
        }
        if (domainId == null && !isDomain) {
            domainId = caller.projectDomain() != null ? caller.projectDomain().id()
                    : caller.domainId() != null ? caller.domainId() : "default";
        }
        if (isDomain) {
            domainId = ProjectRow.ROOT;
        } else {
            String d = domainId;
            ProjectRow domain = ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(d))
                    .orElseThrow(() -> ApiException.notFound("Could not find domain: " + d + "."));
            if (parent != null && !(parent.isDomain() ? parent.id() : parent.domainId()).equals(domain.id())) {
                throw ApiException.badRequest("The project's domain_id must match its parent's domain.");
            }
            if (parent == null) {
                parent = domain;
            }
        }
        ctx.enforce(req, "identity:create_project", Map.of("target.project.domain_id", domainId));
        ProjectRow row = new ProjectRow(Ids.newId(), body.get("name").asString(), domainId,
                parent == null ? null : parent.id(), Entity.text(body, "description"),
                Entity.bool(body, "enabled", true), isDomain, Entity.extra(body, PROJECT_FIELDS),
                ctx.clock().instant());
        List<String> tags = tags(body);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            if (store.findByName(row.name(), row.domainId()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store project - it is not permitted "
                        + "to have two projects with the same name in the same domain : " + row.name() + ".");
            }
            store.insert(row);
            tags.forEach(t -> store.addTag(row.id(), t));
        });
        return Response.created(Json.object().set("project", projectJson(req, row, tags)));
    }

    private Response getProject(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:get_project", target(row));
        ObjectNode out = projectJson(req, row, tags(row.id()));
        if (req.queryParams().containsKey("parents_as_list") || req.queryParams().containsKey("parents_as_ids")) {
            throw ApiException.notImplemented("parents_as_list and parents_as_ids are not supported.");
        }
        return Response.ok(Json.object().set("project", out));
    }

    private Response updateProject(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:update_project", target(row));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("project_update", req.json()).get("project");
        for (String fixed : List.of("domain_id", "parent_id", "is_domain")) {
            JsonNode value = body.get(fixed);
            if (value != null && !value.isNull() && !value.asString().equals(String.valueOf(switch (fixed) {
                case "domain_id" -> row.domainId();
                case "parent_id" -> row.parentId();
                default -> row.isDomain();
            }))) {
                throw ApiException.badRequest("Field '" + fixed + "' of a project cannot be updated.");
            }
        }
        ProjectRow updated = merge(row, body, PROJECT_FIELDS);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            if (!updated.name().equals(row.name()) && store.findByName(updated.name(), row.domainId()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store project - Duplicate entry.");
            }
            store.update(updated);
            if (body.has("tags")) {
                store.clearTags(row.id());
                tags(body).forEach(t -> store.addTag(row.id(), t));
            }
        });
        if (row.enabled() && !updated.enabled()) {
            ctx.revoke(RevocationEvent.ofProject(row.id(), ctx.clock().instant()));
        }
        return Response.ok(Json.object().set("project", projectJson(req, updated, tags(row.id()))));
    }

    private Response deleteProject(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:delete_project", target(row));
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            if (store.childCount(row.id()) > 0) {
                throw ApiException.forbidden("Cannot delete the project " + row.id()
                        + " since it is not a leaf in the hierarchy.");
            }
            if (row.isDomain()) {
                if (row.enabled()) {
                    throw ApiException.forbidden("Cannot delete a domain that is enabled, please disable it first.");
                }
                deleteDomainContent(h, row.id());
            } else {
                h.createUpdate("delete from assignment where target_id = :id").bind("id", row.id()).execute();
                h.createUpdate("update users set default_project_id = null where default_project_id = :id")
                        .bind("id", row.id()).execute();
                store.delete(row.id());
            }
        });
        ctx.revoke(RevocationEvent.ofProject(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    // ---- tags ----

    private Response listTags(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:get_project_tags", target(row));
        ObjectNode out = Json.object();
        tags(row.id()).forEach(out.putArray("tags")::add);
        if (!out.has("tags")) {
            out.putArray("tags");
        }
        return Response.ok(out);
    }

    private Response replaceTags(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:update_project_tags", target(row));
        JsonNode body = req.json();
        if (!body.has("tags") || !body.get("tags").isArray()) {
            throw ApiException.badRequest("Invalid input for field 'tags': an array is required.");
        }
        ObjectNode wrapper = Json.object();
        wrapper.set("tags", body.get("tags"));
        List<String> tags = tags(wrapper);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            store.clearTags(row.id());
            tags.forEach(t -> store.addTag(row.id(), t));
        });
        ObjectNode out = Json.object();
        var array = out.putArray("tags");
        tags.forEach(array::add);
        return Response.ok(out);
    }

    private Response clearTags(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:delete_project_tags", target(row));
        ctx.jdbi().useExtension(ProjectStore.class, s -> s.clearTags(row.id()));
        return Response.noContent();
    }

    private Response checkTag(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:get_project_tag", target(row));
        if (!tags(row.id()).contains(req.param("tag"))) {
            throw ApiException.notFound("Tag " + req.param("tag") + " not found for project " + row.id() + ".");
        }
        return Response.noContent();
    }

    private Response addTag(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:create_project_tag", target(row));
        String tag = req.param("tag");
        validateTag(tag);
        ctx.jdbi().useTransaction(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            List<String> existing = store.tags(row.id());
            if (!existing.contains(tag)) {
                if (existing.size() >= 80) {
                    throw ApiException.badRequest("A project may have at most 80 tags.");
                }
                store.addTag(row.id(), tag);
            }
        });
        return Response.status(201, null).header("Location", req.serviceUrl() + "/v3/projects/" + row.id() + "/tags/" + tag);
    }

    private Response removeTag(Request req) {
        ProjectRow row = project(req.param("project_id"));
        ctx.enforce(req, "identity:delete_project_tag", target(row));
        if (ctx.jdbi().withExtension(ProjectStore.class, s -> s.removeTag(row.id(), req.param("tag"))) == 0) {
            throw ApiException.notFound("Tag " + req.param("tag") + " not found for project " + row.id() + ".");
        }
        return Response.noContent();
    }

    // ---- helpers ----

    private ProjectRow project(String id) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(id))
                .orElseThrow(() -> ApiException.notFound("Could not find project: " + id + "."));
    }

    private ProjectRow domain(String id) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(id))
                .orElseThrow(() -> ApiException.notFound("Could not find domain: " + id + "."));
    }

    private List<String> tags(String projectId) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.tags(projectId));
    }

    private static Map<String, Object> target(ProjectRow row) {
        return Map.of("target.project.id", row.id(),
                "target.project.domain_id", row.isDomain() ? row.id() : row.domainId());
    }

    private static ProjectRow merge(ProjectRow row, ObjectNode body, Set<String> known) {
        return new ProjectRow(row.id(),
                body.has("name") ? body.get("name").asString() : row.name(),
                row.domainId(), row.parentId(),
                body.has("description") ? Entity.text(body, "description") : row.description(),
                Entity.bool(body, "enabled", row.enabled()), row.isDomain(),
                Entity.mergeExtra(row.extra(), body, known), row.createdAt());
    }

    private static List<String> tags(ObjectNode body) {
        JsonNode tags = body.get("tags");
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : tags) {
            validateTag(tag.asString());
            out.add(tag.asString());
        }
        if (out.size() > 80) {
            throw ApiException.badRequest("A project may have at most 80 tags.");
        }
        return List.copyOf(out);
    }

    private static void validateTag(String tag) {
        if (tag.isEmpty() || tag.length() > 255 || tag.contains(",") || tag.contains("/")) {
            throw ApiException.badRequest("Invalid tag '" + tag + "': 1 to 255 characters, no ',' or '/'.");
        }
    }

    private static List<String> csv(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    static boolean parseBool(String value) {
        return switch (value.toLowerCase()) {
            case "true", "1", "yes", "on", "" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.badRequest("Invalid boolean value '" + value + "'.");
        };
    }

    private static ObjectNode domainJson(Request req, ProjectRow row, List<String> tags) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("description", row.description() == null ? "" : row.description());
        out.put("enabled", row.enabled());
        out.set("tags", Json.tree(tags));
        out.putObject("options");
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/domains/" + row.id());
    }

    /** A project (or domain acting as one) as Keystone shows it. */
    public static ObjectNode projectJson(Request req, ProjectRow row, List<String> tags) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("domain_id", row.isDomain() ? null : row.domainId());
        out.put("parent_id", row.parentId());
        out.put("description", row.description() == null ? "" : row.description());
        out.put("enabled", row.enabled());
        out.put("is_domain", row.isDomain());
        out.set("tags", Json.tree(tags));
        out.putObject("options");
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/projects/" + row.id());
    }
}
