package dev.overcast.identity.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.token.AuthMethod;
import dev.overcast.identity.user.Passwords;
import dev.overcast.identity.user.UserRow;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code application_credential} method: a credential by id, or by name and its
 * user (by id, or by name and domain), and its secret. The token it yields is pinned to
 * the credential's project, carries at most its roles and ends by its expiry.
 */
public final class ApplicationCredentialMethod implements AuthMethod {
    private static final String UNAUTHORIZED = "The request you have made requires authentication.";

    private final IdentityContext ctx;
    private final Passwords passwords;

    public ApplicationCredentialMethod(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return "application_credential";
    }

    @Override
    public Proof authenticate(ObjectNode payload, Request request) {
        String secret = Entity.text(payload, "secret");
        if (secret == null) {
            throw ApiException.badRequest(
                    "Invalid input for field 'identity.application_credential.secret': required.");
        }
        ApplicationCredentialRow row = find(payload)
                .filter(r -> passwords.matches(r.secretHash(), secret))
                .orElseThrow(() -> ApiException.unauthorized(UNAUTHORIZED));
        if (row.expiresAt() != null && !ctx.clock().instant().isBefore(row.expiresAt())) {
            throw ApiException.unauthorized("Application credential " + row.id() + " has expired.");
        }
        UserRow user = ctx.jdbi().withExtension(UserStore.class, s -> s.find(row.userId()))
                .orElseThrow(() -> ApiException.unauthorized(UNAUTHORIZED));
        List<String> roleIds = new ArrayList<>();
        Json.parse(row.roles()).forEach(id -> roleIds.add(id.asString()));
        return new Proof(user, row.expiresAt(), row.projectId(), List.copyOf(roleIds), null, row.id(), null, List.of());
    }

    private Optional<ApplicationCredentialRow> find(ObjectNode payload) {
        String id = Entity.text(payload, "id");
        if (id != null) {
            return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findAppCred(id));
        }
        String name = Entity.text(payload, "name");
        JsonNode user = payload.get("user");
        if (name == null || user == null || !user.isObject()) {
            throw ApiException.badRequest("An application credential must be given by id, or by name and user.");
        }
        return userId(ctx.jdbi(), (ObjectNode) user)
                .flatMap(userId -> ctx.jdbi().withExtension(CredentialStore.class, s -> s.findAppCredByName(userId, name)));
    }

    /** The id of the user named by {@code {"id"}} or {@code {"name", "domain": {"id"|"name"}}}. */
    private static Optional<String> userId(Jdbi jdbi, ObjectNode user) {
        String id = Entity.text(user, "id");
        if (id != null) {
            return Optional.of(id);
        }
        String name = Entity.text(user, "name");
        JsonNode domain = user.get("domain");
        if (name == null || domain == null || !domain.isObject()) {
            throw ApiException.badRequest("A user must be given by id, or by name and domain.");
        }
        String domainId = Entity.text((ObjectNode) domain, "id");
        String domainName = Entity.text((ObjectNode) domain, "name");
        if (domainId == null && domainName == null) {
            throw ApiException.badRequest("A domain must be given by id or name.");
        }
        Optional<String> domainOf = domainId != null ? Optional.of(domainId)
                : jdbi.withExtension(ProjectStore.class, s -> s.findDomainByName(domainName)).map(ProjectRow::id);
        return domainOf.flatMap(d -> jdbi.withExtension(UserStore.class, s -> s.findByName(name, d)))
                .map(UserRow::id);
    }
}
