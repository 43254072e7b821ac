package dev.overcast.identity.token;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.identity.Entity;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.user.PasswordRules;
import dev.overcast.identity.user.Passwords;
import dev.overcast.identity.user.UserRow;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code password} method: a user by id, or by name and domain, and a password. */
final class PasswordMethod implements AuthMethod {
    private final Jdbi jdbi;
    private final PasswordRules rules;

    PasswordMethod(Jdbi jdbi, Passwords passwords, Clock clock) {
        this.jdbi = jdbi;
        this.rules = new PasswordRules(jdbi, clock, passwords);
    }

    @Override
    public String name() {
        return "password";
    }

    @Override
    public Proof authenticate(ObjectNode payload, Request request) {
        JsonNode userNode = payload.get("user");
        if (userNode == null || !userNode.isObject()) {
            throw ApiException.badRequest("Invalid input for field 'identity.password.user': an object is required.");
        }
        ObjectNode user = (ObjectNode) userNode;
        String password = Entity.text(user, "password");
        if (password == null) {
            throw ApiException.badRequest("Invalid input for field 'identity.password.user.password': required.");
        }
        UserRow row = findUser(jdbi, user);
        if (row == null) {
            throw ApiException.unauthorized("The request you have made requires authentication.");
        }
        rules.verify(row, password);
        rules.checkNotExpired(row);
        if (row.enabled()) {
            rules.succeeded(row);
        }
        return Proof.of(row);
    }

    /** Finds the user named by {@code {"id"}} or {@code {"name", "domain": {"id"|"name"}}}; null if none. */
    static UserRow findUser(Jdbi jdbi, ObjectNode user) {
        String id = Entity.text(user, "id");
        if (id != null) {
            return jdbi.withExtension(UserStore.class, s -> s.find(id)).orElse(null);
        }
        String name = Entity.text(user, "name");
        JsonNode domain = user.get("domain");
        if (name == null || domain == null || !domain.isObject()) {
            throw ApiException.badRequest("A user must be given by id, or by name and domain.");
        }
        String domainId = domainId(jdbi, (ObjectNode) domain);
        if (domainId == null) {
            return null;
        }
        return jdbi.withExtension(UserStore.class, s -> s.findByName(name, domainId)).orElse(null);
    }

    /** The id of the domain named by {@code {"id"}} or {@code {"name"}}; null if there is none. */
    static String domainId(Jdbi jdbi, ObjectNode domain) {
        String id = Entity.text(domain, "id");
        if (id != null) {
            return id;
        }
        String name = Entity.text(domain, "name");
        if (name == null) {
            throw ApiException.badRequest("A domain must be given by id or name.");
        }
        return jdbi.withExtension(ProjectStore.class, s -> s.findDomainByName(name)).map(ProjectRow::id).orElse(null);
    }
}
