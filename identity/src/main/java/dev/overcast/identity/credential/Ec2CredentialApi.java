package dev.overcast.identity.credential;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/users/{user_id}/credentials/OS-EC2}: EC2-style access/secret pairs for one
 * project, kept as credentials of type {@code ec2} and addressed by their access key.
 */
final class Ec2CredentialApi {
    private static final String BASE = "/v3/users/{user_id}/credentials/OS-EC2";

    private final IdentityContext ctx;

    Ec2CredentialApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.get(BASE, this::list)
                .post(BASE, this::create)
                .get(BASE + "/{access}", this::get)
                .delete(BASE + "/{access}", this::delete);
    }

    private Response create(Request req) {
        String userId = req.param("user_id");
        AuthContext auth = ctx.enforce(req, "identity:ec2_create_credential", ApplicationCredentialApi.userTarget(userId));
        JsonNode body = ctx.schemas().validate("ec2_credential_create", req.json());
        String projectId = body.get("tenant_id").asString();
        if (ctx.jdbi().withExtension(UserStore.class, s -> s.find(userId)).isEmpty()) {
            throw ApiException.notFound("Could not find user: " + userId + ".");
        }
        if (ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(projectId)).filter(p -> !p.isDomain()).isEmpty()) {
            throw ApiException.notFound("Could not find project: " + projectId + ".");
        }
        ObjectNode blob = Json.object();
        blob.put("access", Ids.newId());
        blob.put("secret", Ids.newId());
        blob.put("trust_id", auth.trustId());
        if (auth.applicationCredentialId() != null) {
            blob.put("app_cred_id", auth.applicationCredentialId());
        }
        CredentialRow row = new CredentialRow(CredentialApi.sha256(blob.get("access").asString()), userId, projectId,
                CredentialRow.EC2, blob.toString(), "{}", ctx.clock().instant());
        ctx.jdbi().useExtension(CredentialStore.class, s -> s.insertCredential(row));
        return Response.created(Json.object().set("credential", json(req, row)));
    }

    private Response list(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:ec2_list_credentials", ApplicationCredentialApi.userTarget(userId));
        List<ObjectNode> out = new ArrayList<>();
        ctx.jdbi().withExtension(CredentialStore.class, s -> s.credentialsOf(userId, CredentialRow.EC2))
                .forEach(row -> out.add(json(req, row)));
        return Response.ok(Entity.collection("credentials", out,
                req.serviceUrl() + "/v3/users/" + userId + "/credentials/OS-EC2"));
    }

    private Response get(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:ec2_get_credential", ApplicationCredentialApi.userTarget(userId));
        return Response.ok(Json.object().set("credential", json(req, find(userId, req.param("access")))));
    }

    private Response delete(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:ec2_delete_credential", ApplicationCredentialApi.userTarget(userId));
        CredentialRow row = find(userId, req.param("access"));
        ctx.jdbi().useExtension(CredentialStore.class, s -> s.deleteCredential(row.id()));
        return Response.noContent();
    }

    private CredentialRow find(String userId, String access) {
        return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findCredential(CredentialApi.sha256(access)))
                .filter(row -> CredentialRow.EC2.equals(row.type()) && row.userId().equals(userId))
                .orElseThrow(() -> ApiException.notFound("Could not find credential: " + access + "."));
    }

    /** Keystone's EC2 view of a credential: the blob's keys beside the user and project. */
    private static ObjectNode json(Request req, CredentialRow row) {
        JsonNode blob = Json.parse(row.blobData());
        ObjectNode out = Json.object();
        out.put("user_id", row.userId());
        out.put("tenant_id", row.projectId());
        out.put("access", blob.path("access").asString(null));
        out.put("secret", blob.path("secret").asString(null));
        out.put("trust_id", blob.path("trust_id").asString(null));
        if (blob.hasNonNull("app_cred_id")) {
            out.put("app_cred_id", blob.get("app_cred_id").asString());
        }
        return Entity.self(out, req.serviceUrl() + "/v3/users/" + row.userId() + "/credentials/OS-EC2/"
                + out.get("access").asString());
    }
}
