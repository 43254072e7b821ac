package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyCheckTest {
    // Not a shape Keystone issues (project and domain scope at once): every attribute is set so each can be read.
    private static final Credentials ALICE = new Credentials(
            "u-1", "d-user", "p-1", "d-project", "d-scope", false, Set.of("reader", "Member"), true);

    private static boolean allows(String rule, Credentials creds, Map<String, Object> target) {
        return Policy.of(Map.of("it", rule)).check("it", creds, target);
    }

    private static boolean allows(String rule, Credentials creds) {
        return allows(rule, creds, Map.of());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``         | true
            @          | true
            !          | false
            not !      | true
            not @      | false
            @ and !    | false
            @ or !     | true
            """)
    void theConstantRulesAllowEveryoneOrNoOne(String rule, boolean allowed) {
        assertThat(allows(rule, Callers.unscoped("anyone"))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "[{index}] {0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            role:reader             | true
            role:READER             | true
            role:member             | true
            role:Member             | true
            role:admin              | false
            not role:admin          | true
            role:admin or role:reader  | true
            role:admin and role:reader | false
            """)
    void aRoleCheckMatchesTheCallersRolesIgnoringCase(String rule, boolean allowed) {
        assertThat(allows(rule, ALICE)).isEqualTo(allowed);
    }

    @Test
    void aCallerWithNoRolesHoldsNoRole() {
        assertThat(allows("role:reader", Callers.unscoped("u-1"))).isFalse();
        assertThat(allows("role:reader", new Credentials("u-1", null, null, null, null, false, null, false))).isFalse();
    }

    @Test
    void aRoleCheckCanTakeTheRoleFromTheTarget() {
        assertThat(allows("role:%(target.role.name)s", ALICE, Map.of("target.role.name", "Reader"))).isTrue();
        assertThat(allows("role:%(target.role.name)s", ALICE, Map.of("target.role.name", "admin"))).isFalse();
    }

    @Test
    void aRoleCheckWhoseTargetKeyIsMissingIsFalseSoItsNegationIsTrue() {
        assertThat(allows("role:%(target.role.name)s", ALICE)).isFalse();
        assertThat(allows("not role:%(target.role.name)s", ALICE)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} => {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            user_id:u-1                 | true
            user_id:u-2                 | false
            user_domain_id:d-user       | true
            project_id:p-1              | true
            project_id:'p-1'            | true
            project_id:"p-1"            | true
            project_id:P-1              | false
            project_domain_id:d-project | true
            domain_id:d-scope           | true
            system_scope:all            | false
            is_admin_project:True       | true
            is_admin_project:False      | false
            is_admin_project:true       | false
            roles:reader                | true
            roles:Member                | true
            roles:member                | false
            roles:admin                 | false
            is_admin:True               | false
            is_admin:False              | false
            is_admin:1                  | false
            service_user_id:u-1         | false
            token.user.id:u-1           | false
            """)
    void aGenericCheckComparesACredentialAttributeAsOsloDoes(String rule, boolean allowed) {
        assertThat(allows(rule, ALICE)).isEqualTo(allowed);
    }

    @Test
    void systemScopeReadsAsAllForASystemScopedToken() {
        assertThat(allows("system_scope:all", Callers.systemUser("reader"))).isTrue();
        assertThat(allows("system_scope:all", Callers.projectUser("p-1", "reader"))).isFalse();
    }

    @Test
    void anAttributeTheTokenDoesNotCarryNeverMatchesNotEvenNone() {
        Credentials systemReader = Callers.systemUser("reader");
        var target = new HashMap<String, Object>();
        target.put("project_id", null);

        assertThat(allows("project_id:None", systemReader)).isFalse();
        assertThat(allows("project_id:%(project_id)s", systemReader, target)).isFalse();
        assertThat(allows("system_scope:None", Callers.projectUser("p-1", "reader"))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project_id:%(project_id)s                  | true
            project_id:%(target.project.id)s           | true
            project_id:%(target.other.id)s             | false
            user_id:%(target.user.id)s                 | true
            domain_id:%(target.domain_id)s             | false
            user_id:%(missing)s                        | false
            user_id:%(target.user.missing)s            | false
            user_id:u-%(target.user.number)s           | true
            not user_id:%(missing)s                    | true
            """)
    void aSubstitutedValueComesFromTheTargetAndAMissingKeyMakesTheCheckFalse(String rule, boolean allowed) {
        Map<String, Object> target = Map.of(
                "project_id", "p-1",
                "target.project.id", "p-1",
                "target.other.id", "p-2",
                "target", Map.of("user", Map.of("id", "u-1", "number", 1)),
                "target.domain_id", "d-other");
        assertThat(allows(rule, ALICE, target)).isEqualTo(allowed);
    }

    @Test
    void aTargetBooleanComparesAsPythonPrintsIt() {
        assertThat(allows("is_admin_project:%(flag)s", ALICE, Map.of("flag", true))).isTrue();
        assertThat(allows("is_admin_project:%(flag)s", ALICE, Map.of("flag", false))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} with {1} => {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            'Member':%(role.name)s  | Member | true
            'Member':%(role.name)s  | member | false
            "Member":%(role.name)s  | Member | true
            True:%(role.name)s      | True   | true
            42:%(role.name)s        | 42     | true
            42:%(role.name)s        | 43     | false
            """)
    void aConstantOnTheLeftIsComparedWithTheValue(String rule, String value, boolean allowed) {
        assertThat(allows(rule, Callers.unscoped("u-1"), Map.of("role.name", value))).isEqualTo(allowed);
    }

    @Test
    void aBooleanConstantMatchesABooleanInTheTarget() {
        Credentials anyone = Callers.unscoped("u-1");

        assertThat(allows("True:%(user.enabled)s", anyone, Map.of("user", Map.of("enabled", true)))).isTrue();
        assertThat(allows("True:%(user.enabled)s", anyone, Map.of("user", Map.of("enabled", false)))).isFalse();
        assertThat(allows("False:%(user.enabled)s", anyone, Map.of("user", Map.of("enabled", false)))).isTrue();
        assertThat(allows("True:%(user.enabled)s", anyone)).isFalse();
    }

    @Test
    void aNullInTheTargetReadsAsNoneLikePython() {
        var target = new HashMap<String, Object>();
        target.put("description", null);

        assertThat(allows("None:%(description)s", Callers.unscoped("u-1"), target)).isTrue();
    }

    @Test
    void aRuleCheckEvaluatesTheNamedRule() {
        Policy policy = Policy.of(Map.of(
                "admin_required", "role:admin",
                "owner", "user_id:%(user_id)s",
                "admin_or_owner", "rule:admin_required or rule:owner"));

        assertThat(policy.check("admin_or_owner", Callers.projectUser("p-1", "admin"), Map.of("user_id", "u-9"))).isTrue();
        assertThat(policy.check("admin_or_owner", Callers.projectUser("p-1", "reader"), Map.of("user_id", "u-1"))).isTrue();
        assertThat(policy.check("admin_or_owner", Callers.projectUser("p-1", "reader"), Map.of("user_id", "u-9"))).isFalse();
    }

    @Test
    void aReferenceToAnUnknownRuleIsFalse() {
        Policy policy = Policy.of(Map.of("it", "rule:nonexistent", "negated", "not rule:nonexistent"));

        assertThat(policy.check("it", ALICE, Map.of())).isFalse();
        assertThat(policy.check("negated", ALICE, Map.of())).isTrue();
    }

    @Test
    void checkingAnUnknownRuleIsFalse() {
        assertThat(Policy.of(Map.of()).check("identity:get_user", Callers.systemUser("admin"), Map.of())).isFalse();
    }

    @Test
    void enforcePassesSilentlyWhenTheRuleAllows() {
        Policy policy = Policy.of(Map.of("identity:get_user", "role:reader"));

        assertThatNoException().isThrownBy(() -> policy.enforce("identity:get_user", ALICE, Map.of()));
    }

    @Test
    void enforceThrowsPolicyDeniedNamingTheRuleWhenTheRuleDenies() {
        Policy policy = Policy.of(Map.of("identity:delete_user", "role:admin"));

        assertThatThrownBy(() -> policy.enforce("identity:delete_user", ALICE, Map.of()))
                .isInstanceOfSatisfying(PolicyDenied.class, denied -> assertThat(denied.rule()).isEqualTo("identity:delete_user"))
                .hasMessage("Policy doesn't allow identity:delete_user to be performed.");
    }

    @Test
    void enforcingAnUnknownRuleIsDenied() {
        assertThatThrownBy(() -> Policy.of(Map.of()).enforce("compute:nope", ALICE, Map.of()))
                .isInstanceOf(PolicyDenied.class)
                .hasMessage("Policy doesn't allow compute:nope to be performed.");
    }

    @Test
    void aRuleNameCredentialsAndTargetAreRequired() {
        Policy policy = Policy.of(Map.of("it", "@"));

        assertThatNullPointerException().isThrownBy(() -> policy.check(null, ALICE, Map.of())).withMessage("rule");
        assertThatNullPointerException().isThrownBy(() -> policy.check("it", null, Map.of())).withMessage("creds");
        assertThatNullPointerException().isThrownBy(() -> policy.check("it", ALICE, null)).withMessage("target");
    }

    @Test
    void credentialsKeepAnImmutableCopyOfTheRoles() {
        var roles = new HashSet<>(List.of("reader"));
        Credentials creds = new Credentials("u-1", null, "p-1", null, null, false, roles, false);
        roles.add("admin");

        assertThat(creds.roles()).containsExactly("reader");
        assertThatThrownBy(() -> creds.roles().add("admin")).isInstanceOf(UnsupportedOperationException.class);
    }
}
