package dev.overcast.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtraSpecMatcherTest {

    @ParameterizedTest(name = "value ''{0}'' against ''{1}'' matches: {2}")
    @CsvSource(delimiter = '|', value = {
            // no operator: the whole requirement must equal the value
            "QEMU      | QEMU             | true",
            "QEMU      | qemu             | false",
            "1         | 1.0              | false",
            // = is 'at least', numerically
            "4         | = 4              | true",
            "8         | = 4              | true",
            "2         | = 4              | false",
            "4.0       | = 4              | true",
            "abc       | = 4              | false",
            "4         | == 4.0           | true",
            "5         | == 4             | false",
            "5         | != 4             | true",
            "4         | != 4             | false",
            "4         | >= 4             | true",
            "3         | >= 4             | false",
            "4         | <= 4             | true",
            "5         | <= 4             | false",
            // string operators compare text
            "kvm       | s== kvm          | true",
            "kvm       | s!= kvm          | false",
            "qemu      | s!= kvm          | true",
            "10        | s< 9             | true",
            "abc       | s< abd           | true",
            "abd       | s<= abd          | true",
            "abe       | s> abd           | true",
            "abd       | s>= abe          | false",
            // <in> looks for the operand inside the value
            "avx avx2 sse | <in> avx2     | true",
            "avx sse   | <in> avx2        | false",
            "avx avx2 sse | <all-in> avx sse | true",
            "avx avx2  | <all-in> avx sse | false",
            // <or>: the value is one of the alternatives
            "kvm       | <or> qemu <or> kvm | true",
            "xen       | <or> qemu <or> kvm | false",
            "qemu      | <or> qemu        | true",
            // an operator with no operand matches nothing
            "4         | >=               | false",
    })
    void operatorsBehaveAsNovasExtraSpecsOps(String value, String requirement, boolean expected) {
        assertThat(ExtraSpecMatcher.parse(requirement).matches(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "number {0} against ''{1}'' matches: {2}")
    @CsvSource(delimiter = '|', value = {"4096 | = 2048 | true", "1024 | >= 2048 | false", "7 | == 7 | true"})
    void numericRequirementsCompareNumbersWithoutMakingText(double value, String requirement, boolean expected) {
        ExtraSpecMatcher matcher = ExtraSpecMatcher.parse(requirement);
        assertThat(matcher.isNumeric()).isTrue();
        assertThat(matcher.matches(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aMissingValueNeverMatches() {
        assertThat(ExtraSpecMatcher.parse("s!= kvm").matches((String) null)).isFalse();
    }
}
