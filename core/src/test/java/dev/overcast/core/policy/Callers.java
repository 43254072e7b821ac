package dev.overcast.core.policy;

import java.util.Set;

/** Credentials for the callers the tests talk about, shaped as Keystone scopes tokens. */
final class Callers {
    private Callers() {
    }

    static Credentials userInProject(String userId, String projectId, String... roles) {
        return new Credentials(userId, "default", projectId, "d-1", null, false, Set.of(roles), false);
    }

    static Credentials projectUser(String projectId, String... roles) {
        return userInProject("u-1", projectId, roles);
    }

    static Credentials domainUser(String domainId, String... roles) {
        return new Credentials("u-1", "default", null, null, domainId, false, Set.of(roles), false);
    }

    static Credentials systemUser(String... roles) {
        return new Credentials("u-1", "default", null, null, null, true, Set.of(roles), false);
    }

    static Credentials unscoped(String userId) {
        return new Credentials(userId, "default", null, null, null, false, Set.of(), false);
    }
}
