package dev.overcast.identity.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/credentials}: opaque blobs a user keeps with Identity. An {@code ec2}
 * credential's blob is JSON holding an {@code access} key, and its id is that key's
 * SHA-256, so a signature check can find it from the access key alone.
 */
final class CredentialApi {
    private static final Set<String> FIELDS = Set.of("id", "user_id", "project_id", "type", "blob", "links");

    private final IdentityContext ctx;

    CredentialApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.get("/v3/credentials", this::list)
                .post("/v3/credentials", this::create)
                .get("/v3/credentials/{credential_id}", this::get)
                .patch("/v3/credentials/{credential_id}", this::update)
                .delete("/v3/credentials/{credential_id}", this::delete);
    }

    private Response create(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("credential_create", req.json()).get("credential");
        String userId = body.get("user_id").asString();
        ctx.enforce(req, "identity:create_credential", target(userId));
        String type = body.get("type").asString();
        String blob = body.get("blob").asString();
        String projectId = Entity.text(body, "project_id");
        String id = CredentialRow.EC2.equals(type) ? ec2Id(blob, projectId) : Ids.newId();
        CredentialRow row = new CredentialRow(id, userId, projectId, type, blob, Entity.extra(body, FIELDS),
                ctx.clock().instant());
        ctx.jdbi().useTransaction(h -> {
            CredentialStore store = h.attach(CredentialStore.class);
            if (store.findCredential(id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store credential - Duplicate entry.");
            }
            store.insertCredential(row);
        });
        return Response.created(Json.object().set("credential", json(req, row)));
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        Map<String, Object> target = auth.system() ? Map.of() : target(auth.userId());
        ctx.enforce(req, "identity:list_credentials", target);
        Optional<String> userId = req.query("user_id");
        Optional<String> type = req.query("type");
        List<ObjectNode> out = new ArrayList<>();
        for (CredentialRow row : ctx.jdbi().withExtension(CredentialStore.class, CredentialStore::credentials)) {
            if (userId.isPresent() && !userId.get().equals(row.userId())
                    || type.isPresent() && !type.get().equals(row.type())
                    || !ctx.allowed(auth, "identity:get_credential", target(row.userId()))) {
                continue;
            }
            out.add(json(req, row));
        }
        return Response.ok(Entity.collection("credentials", out, req.serviceUrl() + "/v3/credentials"));
    }

    private Response get(Request req) {
        CredentialRow row = find(req.param("credential_id"));
        ctx.enforce(req, "identity:get_credential", target(row.userId()));
        return Response.ok(Json.object().set("credential", json(req, row)));
    }

    private Response update(Request req) {
        CredentialRow row = find(req.param("credential_id"));
        ctx.enforce(req, "identity:update_credential", target(row.userId()));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("credential_update", req.json()).get("credential");
        String userId = Optional.ofNullable(Entity.text(body, "user_id")).orElse(row.userId());
        if (!userId.equals(row.userId())) {
            ctx.enforce(req, "identity:update_credential", target(userId));
        }
        String type = Optional.ofNullable(Entity.text(body, "type")).orElse(row.type());
        String blob = Optional.ofNullable(Entity.text(body, "blob")).orElse(row.blobData());
        String projectId = body.has("project_id") ? Entity.text(body, "project_id") : row.projectId();
        if (CredentialRow.EC2.equals(type)) {
            // Checks the blob and project; the id stays the one made from the first access key, as in Keystone.
            ec2Id(blob, projectId);
        }
        CredentialRow updated = new CredentialRow(row.id(), userId, projectId, type, blob,
                Entity.mergeExtra(row.extra(), body, FIELDS), row.createdAt());
        ctx.jdbi().useExtension(CredentialStore.class, s -> s.updateCredential(updated));
        return Response.ok(Json.object().set("credential", json(req, updated)));
    }

    private Response delete(Request req) {
        CredentialRow row = find(req.param("credential_id"));
        ctx.enforce(req, "identity:delete_credential", target(row.userId()));
        ctx.jdbi().useExtension(CredentialStore.class, s -> s.deleteCredential(row.id()));
        return Response.noContent();
    }

    // ---- helpers ----

    private CredentialRow find(String id) {
        return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findCredential(id))
                .orElseThrow(() -> ApiException.notFound("Could not find credential: " + id + "."));
    }

    private static Map<String, Object> target(String userId) {
        Map<String, Object> target = new HashMap<>();
        target.put("target.credential.user_id", userId);
        return target;
    }

    /** The id of an ec2 credential: the SHA-256 of its blob's access key; a 400 if the blob has none. */
    static String ec2Id(String blob, String projectId) {
        JsonNode parsed;
        try {
            parsed = Json.parse(blob);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid blob in credential: an ec2 credential's blob must be JSON.");
        }
        String access = parsed != null && parsed.isObject() ? parsed.path("access").asString(null) : null;
        if (access == null || access.isEmpty()) {
            throw ApiException.badRequest("Invalid blob in credential: an ec2 credential's blob needs an access key.");
        }
        if (projectId == null) {
            throw ApiException.badRequest("Invalid input for field 'project_id': an ec2 credential needs a project.");
        }
        return sha256(access);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static ObjectNode json(Request req, CredentialRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("user_id", row.userId());
        out.put("project_id", row.projectId());
        out.put("type", row.type());
        out.put("blob", row.blobData());
        Entity.self(out, req.serviceUrl() + "/v3/credentials/" + row.id());
        return Entity.withExtra(out, row.extra());
    }
}
