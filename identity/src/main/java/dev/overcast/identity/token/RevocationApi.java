package dev.overcast.identity.token;

import java.time.Instant;
import java.util.Map;

import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Times;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/OS-REVOKE/events}: the revocation events still in force, for services that
 * check tokens themselves (Overcast's own services get them in memory).
 */
public final class RevocationApi {
    private final IdentityContext ctx;

    public RevocationApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v3/OS-REVOKE/events", this::list);
    }

    private Response list(Request req) {
        ctx.enforce(req, "identity:list_revoke_events", Map.of());
        Instant since = req.query("since").map(text -> Times.parse("since", text)).orElse(Instant.EPOCH);
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        for (RevocationEvent e : ctx.revocations().events()) {
            if (e.issuedBefore().isBefore(since)) {
                continue;
            }
            ObjectNode event = events.addObject();
            putIfSet(event, "user_id", e.userId());
            putIfSet(event, "project_id", e.projectId());
            putIfSet(event, "domain_id", e.domainId());
            putIfSet(event, "role_id", e.roleId());
            putIfSet(event, "audit_id", e.auditId());
            putIfSet(event, "OS-TRUST:trust_id", e.trustId());
            putIfSet(event, "application_credential_id", e.applicationCredentialId());
            event.put("issued_before", Times.format(e.issuedBefore()));
            // Overcast revokes "everything issued until now", so the two instants are the same.
            event.put("revoked_at", Times.format(e.issuedBefore()));
        }
        out.putObject("links").put("self", req.serviceUrl() + "/v3/OS-REVOKE/events").putNull("previous").putNull("next");
        return Response.ok(out);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
