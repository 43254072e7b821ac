package dev.overcast.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who made a request and in what scope: the content of a validated token. Every service
 * reads it from the signed token alone, so checking a token never touches a database.
 *
 * <p>Exactly one scope is set: a project, a domain, the system, or none (unscoped).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthContext(
        Ref user,
        Ref userDomain,
        Ref project,
        Ref projectDomain,
        Ref domain,
        boolean system,
        List<Ref> roles,
        List<String> methods,
        List<String> auditIds,
        Instant issuedAt,
        Instant expiresAt,
        String applicationCredentialId,
        String trustId,
        boolean isAdminProject) {

    /** An id with its name, as Keystone shows them together. */
    public record Ref(String id, String name) {
    }

    public AuthContext {
        roles = roles == null ? List.of() : List.copyOf(roles);
        methods = methods == null ? List.of() : List.copyOf(methods);
        auditIds = auditIds == null ? List.of() : List.copyOf(auditIds);
    }

    @JsonIgnore
    public String userId() {
        return user.id();
    }

    @JsonIgnore
    public String projectId() {
        return project == null ? null : project.id();
    }

    @JsonIgnore
    public String domainId() {
        return domain == null ? null : domain.id();
    }

    /** The audit id of this token (the first of {@link #auditIds}). */
    @JsonIgnore
    public String auditId() {
        return auditIds.isEmpty() ? null : auditIds.getFirst();
    }

    @JsonIgnore
    public Set<String> roleNames() {
        return roles.stream().map(Ref::name).collect(Collectors.toUnmodifiableSet());
    }

    @JsonIgnore
    public boolean isUnscoped() {
        return project == null && domain == null && !system;
    }
}
