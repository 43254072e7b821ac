package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule strings as Keystone and Nova ship them with secure RBAC, read by their real callers. */
class SecureRbacDefaultsTest {
    private static final Policy KEYSTONE = Policy.of(Map.of(
            "admin_required", "role:admin or is_admin:1",
            "identity:get_project", "(role:reader and system_scope:all)"
                    + " or (role:reader and domain_id:%(target.project.domain_id)s)"
                    + " or project_id:%(target.project.id)s",
            "identity:get_user", "role:admin or (role:reader and user_id:%(target.user.id)s)",
            "identity:delete_user", "rule:admin_required"));

    private static final Policy NOVA = Policy.of(Map.of(
            "context_is_admin", "role:admin",
            "admin_api", "role:admin",
            "project_member_api", "role:member and project_id:%(project_id)s",
            "project_reader_api", "role:reader and project_id:%(project_id)s",
            "project_member_or_admin", "rule:project_member_api or rule:context_is_admin",
            "project_reader_or_admin", "rule:project_reader_api or rule:context_is_admin",
            "os_compute_api:servers:show", "rule:project_reader_or_admin",
            "os_compute_api:servers:create", "rule:project_member_or_admin",
            "os_compute_api:os-hypervisors:list", "rule:admin_api"));

    // Keystone's tokens carry implied roles: admin implies member implies reader.
    private static final Credentials SYSTEM_READER = Callers.systemUser("reader");
    private static final Credentials DOMAIN_READER_D1 = Callers.domainUser("d-1", "reader");
    private static final Credentials DOMAIN_READER_D2 = Callers.domainUser("d-2", "reader");
    private static final Credentials READER_OF_P1 = Callers.projectUser("p-1", "reader");
    private static final Credentials MEMBER_OF_P1 = Callers.projectUser("p-1", "member", "reader");
    private static final Credentials MEMBER_OF_P2 = Callers.projectUser("p-2", "member", "reader");
    private static final Credentials ADMIN_OF_P2 = Callers.projectUser("p-2", "admin", "member", "reader");
    private static final Credentials U1_NO_ROLES = Callers.unscoped("u-1");
    private static final Credentials U1_READER = Callers.userInProject("u-1", "p-9", "reader");

    private static final Map<String, Object> PROJECT_P1_IN_D1 = Map.of("target.project.id", "p-1", "target.project.domain_id", "d-1");
    private static final Map<String, Object> USER_U1 = Map.of("target.user.id", "u-1");
    private static final Map<String, Object> USER_U2 = Map.of("target.user.id", "u-2");
    private static final Map<String, Object> USER_U1_NESTED = Map.of("target", Map.of("user", Map.of("id", "u-1")));
    private static final Map<String, Object> SERVER_IN_P1 = Map.of("project_id", "p-1", "user_id", "u-7");

    static Stream<Arguments> keystone() {
        return Stream.of(
                Arguments.of("a system reader", SYSTEM_READER, "identity:get_project", PROJECT_P1_IN_D1, true),
                Arguments.of("a reader of the project's domain", DOMAIN_READER_D1, "identity:get_project", PROJECT_P1_IN_D1, true),
                Arguments.of("a reader of another domain", DOMAIN_READER_D2, "identity:get_project", PROJECT_P1_IN_D1, false),
                Arguments.of("a reader of the project", READER_OF_P1, "identity:get_project", PROJECT_P1_IN_D1, true),
                Arguments.of("a member of another project", MEMBER_OF_P2, "identity:get_project", PROJECT_P1_IN_D1, false),
                Arguments.of("anyone, when the target lacks the project", SYSTEM_READER, "identity:get_project", Map.of(), true),
                Arguments.of("a domain reader, when the target lacks the project", DOMAIN_READER_D1, "identity:get_project", Map.of(), false),
                Arguments.of("an admin of any project", ADMIN_OF_P2, "identity:get_user", USER_U2, true),
                Arguments.of("a reader looking at themself", U1_READER, "identity:get_user", USER_U1, true),
                Arguments.of("a reader looking at themself in a nested target", U1_READER, "identity:get_user", USER_U1_NESTED, true),
                Arguments.of("a reader looking at someone else", U1_READER, "identity:get_user", USER_U2, false),
                Arguments.of("a user with no roles looking at themself", U1_NO_ROLES, "identity:get_user", USER_U1, false),
                Arguments.of("an admin", ADMIN_OF_P2, "identity:delete_user", USER_U1, true),
                Arguments.of("a system reader", SYSTEM_READER, "identity:delete_user", USER_U1, false));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2} => {4}")
    @MethodSource("keystone")
    void keystoneDefaultsAllowTheRightCallers(String who, Credentials creds, String rule, Map<String, Object> target, boolean allowed) {
        assertThat(KEYSTONE.check(rule, creds, target)).isEqualTo(allowed);
    }

    static Stream<Arguments> nova() {
        return Stream.of(
                Arguments.of("a reader of the server's project", READER_OF_P1, "os_compute_api:servers:show", true),
                Arguments.of("a member of another project", MEMBER_OF_P2, "os_compute_api:servers:show", false),
                Arguments.of("an admin of another project", ADMIN_OF_P2, "os_compute_api:servers:show", true),
                Arguments.of("a reader of the project", READER_OF_P1, "os_compute_api:servers:create", false),
                Arguments.of("a member of the project", MEMBER_OF_P1, "os_compute_api:servers:create", true),
                Arguments.of("a member of another project", MEMBER_OF_P2, "os_compute_api:servers:create", false),
                Arguments.of("a member", MEMBER_OF_P1, "os_compute_api:os-hypervisors:list", false),
                Arguments.of("an admin", ADMIN_OF_P2, "os_compute_api:os-hypervisors:list", true),
                Arguments.of("a system reader without the admin role", SYSTEM_READER, "os_compute_api:os-hypervisors:list", false));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2} => {3}")
    @MethodSource("nova")
    void novaDefaultsAllowTheRightCallers(String who, Credentials creds, String rule, boolean allowed) {
        assertThat(NOVA.check(rule, creds, SERVER_IN_P1)).isEqualTo(allowed);
    }

    @Test
    void aReaderCreatingAServerIsDeniedWithNovasMessage() {
        assertThatThrownBy(() -> NOVA.enforce("os_compute_api:servers:create", READER_OF_P1, SERVER_IN_P1))
                .isInstanceOf(PolicyDenied.class)
                .hasMessage("Policy doesn't allow os_compute_api:servers:create to be performed.");
    }
}
