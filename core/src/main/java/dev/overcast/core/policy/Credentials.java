package dev.overcast.core.policy;

import java.util.Set;

/**
 * What the caller is: built by the HTTP layer from a validated token, and read by policy
 * rules through generic checks such as {@code project_id:%(project_id)s}.
 *
 * <p>The components carry the names oslo.context gives them in its policy values
 * ({@code user_id}, {@code user_domain_id}, {@code project_id}, {@code project_domain_id},
 * {@code domain_id}, {@code system_scope}, {@code roles}, {@code is_admin_project}). A
 * {@code null} id means the token is not scoped that way; a check against a {@code null}
 * attribute is always false.
 *
 * @param userId          the user's id
 * @param userDomainId    the id of the domain that owns the user
 * @param projectId       the project the token is scoped to, or {@code null}
 * @param projectDomainId the domain of that project, or {@code null}
 * @param domainId        the domain the token is scoped to, or {@code null}
 * @param systemScope     whether the token is scoped to the system; rules see
 *                        {@code system_scope} as {@code all} when true
 * @param roles           the effective role names (implied roles included); {@code null} is
 *                        read as none
 * @param isAdminProject  whether the project is the cloud's admin project
 */
public record Credentials(String userId, String userDomainId, String projectId, String projectDomainId,
                          String domainId, boolean systemScope, Set<String> roles, boolean isAdminProject) {

    public Credentials {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The credentials of a validated token. */
    public static Credentials of(dev.overcast.core.auth.AuthContext auth) {
        return new Credentials(auth.userId(),
                auth.userDomain() == null ? null : auth.userDomain().id(),
                auth.projectId(),
                auth.projectDomain() == null ? null : auth.projectDomain().id(),
                auth.domainId(), auth.system(), auth.roleNames(), auth.isAdminProject());
    }
}
