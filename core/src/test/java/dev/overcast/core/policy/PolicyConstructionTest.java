package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyConstructionTest {

    @Test
    void aDefaultThatDoesNotParseFailsAtConstructionNamingTheRuleTheProblemAndTheText() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(Map.of("identity:get_user", "role:admin or")))
                .withMessage("policy rule \"identity:get_user\" does not parse: the rule ends where a check"
                        + " was expected after 'or' (rule text: \"role:admin or\")");
    }

    @Test
    void everyRuleThatDoesNotParseIsReportedAtOnceInNameOrder() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(Map.of("b", "admin", "a", "(role:x", "c", "role:ok")))
                .withMessageStartingWith("2 policy rules are wrong: policy rule \"a\" does not parse: '(' is never closed")
                .withMessageContaining("; policy rule \"b\" does not parse: 'admin' is not a check")
                .withMessageNotContaining("\"c\"");
    }

    @Test
    void aRuleUsingAnHttpCheckIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(Map.of("remote", "role:admin or http://policy.example.com/%(name)s")))
                .withMessageContaining("policy rule \"remote\"")
                .withMessageContaining("is an http check, which Overcast does not support");
    }

    @Test
    void aRuleWithNoTextIsRefusedRatherThanAllowingEveryone() {
        var defaults = new HashMap<String, String>();
        defaults.put("identity:get_user", null);

        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(defaults))
                .withMessage("policy rule \"identity:get_user\" has no text; write \"\" or @ to allow everyone, ! to allow no one");
    }

    @Test
    void aBlankRuleNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Policy.of(Map.of(" ", "@")))
                .withMessage("a policy rule has a blank name");
    }

    @Test
    void rulesThatReferToEachOtherInACycleAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(Map.of(
                        "a", "role:x or rule:b",
                        "b", "not rule:c",
                        "c", "rule:a and role:y")))
                .withMessage("policy rules refer to each other in a cycle: a -> b -> c -> a");
    }

    @Test
    void aRuleThatRefersToItselfIsACycle() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.of(Map.of("loop", "role:admin or rule:loop")))
                .withMessage("policy rules refer to each other in a cycle: loop -> loop");
    }

    @Test
    void sharedAndDanglingReferencesAreNotCycles() {
        Policy policy = Policy.of(Map.of(
                "base", "role:reader",
                "left", "rule:base",
                "right", "rule:base and rule:missing",
                "top", "rule:left or rule:right"));

        assertThat(policy.check("top", Callers.projectUser("p-1", "reader"), Map.of())).isTrue();
    }

    @Test
    void theDefaultsMapIsCopiedSoLaterChangesDoNotLeakIn() {
        var defaults = new HashMap<String, String>(Map.of("it", "role:admin"));
        Policy policy = Policy.of(defaults);
        defaults.put("it", "@");

        assertThat(policy.check("it", Callers.projectUser("p-1", "reader"), Map.of())).isFalse();
    }
}
