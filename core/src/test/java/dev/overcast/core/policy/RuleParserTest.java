package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParserTest {

    @ParameterizedTest(name = "[{index}] {0}  =>  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            role:a                                           | role:a
            role:a or role:b and role:c                      | (role:a or (role:b and role:c))
            role:a and role:b or role:c                      | ((role:a and role:b) or role:c)
            role:a and role:b or role:c and role:d           | ((role:a and role:b) or (role:c and role:d))
            role:a or role:b and role:c and role:d or role:e | (role:a or (role:b and role:c and role:d) or role:e)
            role:a or role:b or role:c                       | (role:a or role:b or role:c)
            role:a and role:b and role:c                     | (role:a and role:b and role:c)
            not role:a and role:b                            | (not role:a and role:b)
            not role:a or role:b                             | (not role:a or role:b)
            role:a and not role:b                            | (role:a and not role:b)
            role:a or not role:b and role:c                  | (role:a or (not role:b and role:c))
            not not role:a                                   | not not role:a
            not (role:a or role:b)                           | not (role:a or role:b)
            (role:a or role:b) and role:c                    | ((role:a or role:b) and role:c)
            role:a and (role:b or role:c)                    | (role:a and (role:b or role:c))
            ((role:a))                                       | role:a
            (not role:a)                                     | not role:a
            role:a AND role:b Or NOT role:c                  | ((role:a and role:b) or not role:c)
            @ or !                                           | (@ or !)
            """)
    void andBindsTighterThanOrAndNotTighterThanBoth(String text, String tree) {
        assertThat(RuleTrees.render(RuleParser.parse(text))).isEqualTo(tree);
    }

    @ParameterizedTest(name = "[{index}] {0}  =>  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @                                              | @
            !                                              | !
            rule:admin_required                            | rule:admin_required
            role:compute:admin                             | role:compute:admin
            project_id:%(project_id)s                      | project_id:%(project_id)s
            (project_id:%(target.project.id)s)             | project_id:%(target.project.id)s
            ((user_id:%(target.user.id)s))                 | user_id:%(target.user.id)s
            user_id:%(prefix)s-%(suffix)s                  | user_id:%(prefix)s-%(suffix)s
            role:%%admin                                   | role:%admin
            'Member':%(role.name)s                         | 'Member':%(role.name)s
            "Member":%(role.name)s                         | 'Member':%(role.name)s
            True:%(user.enabled)s                          | 'True':%(user.enabled)s
            False:%(user.enabled)s                         | 'False':%(user.enabled)s
            42:%(count)s                                   | '42':%(count)s
            true:%(user.enabled)s                          | true:%(user.enabled)s
            is_admin:True                                  | is_admin:True
            """)
    void eachCheckKindParsesToItsNode(String text, String tree) {
        assertThat(RuleTrees.render(RuleParser.parse(text))).isEqualTo(tree);
    }

    @Test
    void theEmptyRuleAllowsEveryone() {
        assertThat(RuleParser.parse("")).isEqualTo(new Rule.Always(true));
    }

    @Test
    void wordsAreSplitOnAnyWhitespace() {
        assertThat(RuleTrees.render(RuleParser.parse("  role:a \t or\nrole:b  ")))
                .isEqualTo("(role:a or role:b)");
    }

    @Test
    void wordsAreSplitOnlyAtWhitespaceSoParenthesesInsideAWordBelongToTheCheckAsInOslo() {
        assertThat(RuleParser.parse("(role:a)and(role:b)"))
                .isEqualTo(new Rule.Role(Template.literal("a)and(role:b")));
    }

    @Test
    void aCheckIsSplitAtItsFirstColon() {
        assertThat(RuleParser.parse("rule:a:b")).isEqualTo(new Rule.Ref("a:b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"project_id:'p-1'", "project_id:\"p-1\""})
    void aQuotedValueIsTakenLiterallyWithoutItsQuotes(String text) {
        assertThat(RuleParser.parse(text)).isEqualTo(new Rule.Attribute("project_id", Template.literal("p-1")));
    }

    @Test
    void aQuotedValueIsNotSubstituted() {
        assertThat(RuleParser.parse("project_id:'%(project_id)s'"))
                .isEqualTo(new Rule.Attribute("project_id", Template.literal("%(project_id)s")));
    }

    @Test
    void placeholdersAndTextAlternateInAValue() {
        assertThat(RuleParser.parse("user_id:u-%(id)s.x")).isEqualTo(new Rule.Attribute("user_id", new Template(List.of(
                new Template.Text("u-"), new Template.Placeholder("id"), new Template.Text(".x")))));
    }

    @Test
    void orAndAndCollectAllTheirOperandsInOrder() {
        assertThat(RuleParser.parse("role:a or role:b and role:c")).isEqualTo(new Rule.Or(List.of(
                new Rule.Role(Template.literal("a")),
                new Rule.And(List.of(new Rule.Role(Template.literal("b")), new Rule.Role(Template.literal("c")))))));
    }

    @ParameterizedTest(name = "[{index}] {0}  =>  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            role:a or                          | the rule ends where a check was expected after 'or'
            not                                | the rule ends where a check was expected after 'not'
            role:a and and role:b              | expected a check after 'and' but found 'and'
            or role:a                          | expected a check at the start but found 'or'
            ()                                 | expected a check after '(' but found ')'
            (role:a                            | '(' is never closed
            ((role:a) or role:b                | '(' is never closed
            role:a)                            | ')' has no matching '('
            role:a role:b                      | expected 'and' or 'or' before 'role:b'
            admin                              | 'admin' is not a check; write KIND:VALUE
            role:a or admin                    | 'admin' is not a check
            'admin'                            | the quoted string 'admin' is not a check
            :admin                             | ':admin' needs text on both sides of ':'
            role:                              | 'role:' needs text on both sides of ':'
            rule:                              | 'rule:' needs text on both sides of ':'
            http://example.com/check           | 'http://example.com/check' is an http check, which Overcast does not support
            https://example.com/%(name)s       | is an http check, which Overcast does not support
            project_id:%(project_id)d          | unsupported '%' in "%(project_id)d": only %(key)s placeholders and %% are allowed
            project_id:100%                    | unsupported '%' in "100%"
            project_id:%()s                    | unsupported '%' in "%()s"
            project_id:%(project_id            | unsupported '%'
            role:%(a)x%(b)s                    | unsupported '%'
            'Member:%(role.name)s              | the quote in ''Member' is never closed
            """)
    void aRuleThatDoesNotParseSaysWhy(String text, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> RuleParser.parse(text)).withMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t\n", "   "})
    void aBlankRuleIsAnErrorRatherThanAQuietDenial(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> RuleParser.parse(text))
                .withMessage("the rule is blank; write \"\" or @ to allow everyone, ! to allow no one");
    }

    @Test
    void deepNestingIsRefusedWithAMessageRatherThanAStackOverflow() {
        String nested = "(".repeat(5_000) + "role:a" + ")".repeat(5_000);
        String negated = "not ".repeat(5_000) + "role:a";

        assertThatIllegalArgumentException().isThrownBy(() -> RuleParser.parse(nested)).withMessageContaining("more than 100 deep");
        assertThatIllegalArgumentException().isThrownBy(() -> RuleParser.parse(negated)).withMessageContaining("more than 100 deep");
    }

    @Test
    void reasonableNestingParses() {
        assertThat(RuleParser.parse("(".repeat(50) + "role:a" + ")".repeat(50))).isEqualTo(new Rule.Role(Template.literal("a")));
    }
}
