package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyOverridesTest {
    private static final Map<String, String> DEFAULTS = Map.of(
            "admin_required", "role:admin",
            "identity:get_user", "rule:admin_required or (role:reader and user_id:%(target.user.id)s)",
            "identity:delete_user", "rule:admin_required");
    private static final Credentials READER = Callers.projectUser("p-1", "reader");
    private static final Credentials MANAGER = Callers.projectUser("p-1", "manager");
    private static final Map<String, Object> OTHER_USER = Map.of("target.user.id", "u-2");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void anOverrideReplacesTheNamedRuleAndLeavesTheOthers() {
        Policy policy = Policy.of(DEFAULTS).withOverrides(Map.of("identity:get_user", "role:reader"));

        assertThat(policy.check("identity:get_user", READER, OTHER_USER)).isTrue();
        assertThat(policy.check("identity:delete_user", READER, Map.of())).isFalse();
        assertThat(policy.check("identity:delete_user", Callers.projectUser("p-1", "admin"), Map.of())).isTrue();
    }

    @Test
    void overridingAReferencedRuleChangesEveryRuleThatUsesIt() {
        Policy policy = Policy.of(DEFAULTS).withOverrides(Map.of("admin_required", "role:admin or role:manager"));

        assertThat(policy.check("identity:delete_user", MANAGER, Map.of())).isTrue();
        assertThat(policy.check("identity:get_user", MANAGER, OTHER_USER)).isTrue();
    }

    @Test
    void anOverrideCanAddARuleThatDidNotExist() {
        Policy policy = Policy.of(DEFAULTS).withOverrides(Map.of("custom", "rule:admin_required or role:manager"));

        assertThat(policy.check("custom", MANAGER, Map.of())).isTrue();
    }

    @Test
    void overridingLeavesTheOriginalPolicyAsItWas() {
        Policy defaults = Policy.of(DEFAULTS);
        defaults.withOverrides(Map.of("identity:delete_user", "@"));

        assertThat(defaults.check("identity:delete_user", READER, Map.of())).isFalse();
    }

    @Test
    void anOverrideThatDoesNotParseIsRefusedNamingTheRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(Map.of("identity:get_user", "role:admin and")))
                .withMessageStartingWith("policy rule \"identity:get_user\" does not parse: ");
    }

    @Test
    void anOverrideThatClosesACycleIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(Map.of("admin_required", "rule:identity:delete_user")))
                .withMessage("policy rules refer to each other in a cycle: admin_required -> identity:delete_user -> admin_required");
    }

    @Test
    void aYamlPolicyFileOverridesTheRulesItNames() throws IOException {
        Path file = write("policy.yaml", """
                # Operators may let managers delete users.
                "admin_required": "role:admin or role:manager"
                "identity:get_user": ''
                """);

        Policy policy = Policy.of(DEFAULTS).withOverrides(file);

        assertThat(policy.check("identity:delete_user", MANAGER, Map.of())).isTrue();
        assertThat(policy.check("identity:get_user", Callers.unscoped("u-5"), OTHER_USER)).isTrue();
    }

    @Test
    void aJsonPolicyFileIsReadAsYaml() throws IOException {
        Path file = write("policy.json", """
                {
                    "identity:delete_user": "!",
                    "identity:get_user": "role:reader"
                }
                """);

        Policy policy = Policy.of(DEFAULTS).withOverrides(file);

        assertThat(policy.check("identity:delete_user", Callers.systemUser("admin"), Map.of())).isFalse();
        assertThat(policy.check("identity:get_user", READER, OTHER_USER)).isTrue();
    }

    @Test
    void aJsonPolicyFileIndentedWithTabsOrWrittenOnOneLineIsReadToo() throws IOException {
        Path tabbed = write("tabbed.json", "{\n\t\"identity:delete_user\": \"!\",\n\t\"identity:get_user\": \"\"\n}\n");
        Path compact = write("compact.json", "{\"identity:delete_user\":\"!\",\"identity:get_user\":\"\"}");

        for (Path file : new Path[] {tabbed, compact}) {
            Policy policy = Policy.of(DEFAULTS).withOverrides(file);

            assertThat(policy.check("identity:delete_user", Callers.systemUser("admin"), Map.of())).as("%s", file).isFalse();
            assertThat(policy.check("identity:get_user", Callers.unscoped("u-5"), OTHER_USER)).as("%s", file).isTrue();
        }
    }

    @Test
    void anEmptyPolicyFileOverridesNothing() throws IOException {
        Path file = write("policy.yaml", "# nothing overridden yet\n");

        Policy policy = Policy.of(DEFAULTS).withOverrides(file);

        assertThat(policy.check("identity:delete_user", READER, Map.of())).isFalse();
        assertThat(policy.check("identity:get_user", READER, Map.of("target.user.id", "u-1"))).isTrue();
    }

    @Test
    void aMissingPolicyFileIsRefusedNamingThePath() {
        Path missing = dir.resolve("nope/policy.yaml");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(missing))
                .withMessage("policy file " + missing + " does not exist");
    }

    @Test
    void aDirectoryInsteadOfAFileIsRefusedNamingThePath() {
        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(dir))
                .withMessageStartingWith("policy file " + dir + " cannot be read: ");
    }

    @Test
    void aRuleInTheFileThatDoesNotParseIsRefusedNamingTheFileAndTheRule() throws IOException {
        Path file = write("policy.yaml", "\"identity:get_user\": \"role:admin or or role:reader\"\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessage("policy file " + file + ": policy rule \"identity:get_user\" does not parse:"
                        + " expected a check after 'or' but found 'or' (rule text: \"role:admin or or role:reader\")");
    }

    @Test
    void aFileThatIsNotYamlIsRefused() throws IOException {
        Path file = write("policy.yaml", "\"identity:get_user\": \"role:admin\n  - [\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessageStartingWith("policy file " + file + " is not valid YAML or JSON: ");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("policy.yaml", "- \"role:admin\"\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessage("policy file " + file + " must map rule names to rule text, but holds a list");
    }

    @Test
    void theOldListOfListsSyntaxIsRefusedNamingTheRule() throws IOException {
        Path file = write("policy.json", "{\"identity:get_user\": [[\"role:admin\"], [\"role:reader\"]]}\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessageStartingWith("policy file " + file + ": rule \"identity:get_user\" must be a string of rule text, but is a list;");
    }

    @Test
    void aRuleLeftEmptyInTheFileIsRefusedRatherThanAllowingEveryone() throws IOException {
        Path file = write("policy.yaml", "\"identity:delete_user\":\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessage("policy file " + file + ": rule \"identity:delete_user\" must be a string of rule text,"
                        + " but is empty; write \"\" or \"@\" to allow everyone, \"!\" to allow no one");
    }

    @Test
    void aRuleThatYamlReadsAsABooleanIsRefused() throws IOException {
        Path file = write("policy.yaml", "\"identity:delete_user\": yes\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessageContaining("rule \"identity:delete_user\" must be a string of rule text, but is the boolean true");
    }

    @Test
    void aRuleNamedTwiceInTheFileIsRefused() throws IOException {
        Path file = write("policy.yaml", """
                "identity:delete_user": "role:admin"
                "identity:delete_user": "@"
                """);

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(DEFAULTS).withOverrides(file))
                .withMessageStartingWith("policy file " + file + " is not valid YAML or JSON: ")
                .withMessageContaining("duplicate key identity:delete_user");
    }
}
