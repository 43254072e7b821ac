package dev.overcast.placement.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;

class TraitQueryTest {

    private static TraitQuery parse(Map<String, List<String>> query) {
        return TraitQuery.parse(query);
    }

    @Test
    void noQueryKeepsEveryTrait() {
        TraitQuery q = parse(Map.of());
        assertThat(q.matches("HW_CPU_X86_SSE", false)).isTrue();
        assertThat(q.matches("CUSTOM_A", true)).isTrue();
        assertThat(q.needsAssociations()).isFalse();
    }

    @Test
    void nameInKeepsOnlyTheNamedTraits() {
        TraitQuery q = parse(Map.of("name", List.of("in:CUSTOM_A,HW_CPU_X86_SSE")));
        assertThat(q.matches("CUSTOM_A", false)).isTrue();
        assertThat(q.matches("HW_CPU_X86_SSE", false)).isTrue();
        assertThat(q.matches("CUSTOM_B", false)).isFalse();
    }

    @Test
    void startswithKeepsThePrefix() {
        TraitQuery q = parse(Map.of("name", List.of("startswith:CUSTOM_")));
        assertThat(q.matches("CUSTOM_A", false)).isTrue();
        assertThat(q.matches("HW_CPU_X86_SSE", false)).isFalse();
    }

    @Test
    void anUnknownOperatorFiltersNothingAsUpstreamDoes() {
        assertThat(parse(Map.of("name", List.of("contains:X"))).matches("HW_CPU_X86_SSE", false)).isTrue();
    }

    @Test
    void associatedSelectsTraitsByWhetherSomeProviderHasThem() {
        TraitQuery yes = parse(Map.of("associated", List.of("True")));
        assertThat(yes.needsAssociations()).isTrue();
        assertThat(yes.matches("CUSTOM_A", true)).isTrue();
        assertThat(yes.matches("CUSTOM_A", false)).isFalse();
        TraitQuery no = parse(Map.of("associated", List.of("false")));
        assertThat(no.matches("CUSTOM_A", false)).isTrue();
        assertThat(no.matches("CUSTOM_A", true)).isFalse();
    }

    @Test
    void malformedQueriesAre400sWordedAsUpstream() {
        assertThatThrownBy(() -> parse(Map.of("name", List.of("in_abc"))))
                .isInstanceOf(ApiException.class)
                .hasMessage("Badly formatted name parameter. Expected name query string parameter in form: "
                        + "?name=[in|startswith]:[name1,name2|prefix]. Got: \"in_abc\"");
        assertThatThrownBy(() -> parse(Map.of("associated", List.of("xyz"))))
                .hasMessage("The query parameter \"associated\" only accepts \"true\" or \"false\"");
        assertThatThrownBy(() -> parse(Map.of("invalid", List.of("abc"))))
                .hasMessageStartingWith("Invalid query string parameters: Additional properties are not allowed");
    }
}
