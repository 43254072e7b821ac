package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random boolean formulas over five roles, written with as few parentheses as precedence
 * allows, must evaluate as the formula does for every set of roles. A parser that got
 * precedence or grouping wrong would disagree on some role set.
 */
class PrecedencePropertyTest {
    private static final List<String> ROLES = List.of("r0", "r1", "r2", "r3", "r4");

    private sealed interface Formula {
    }

    private record Has(String role) implements Formula {
    }

    private record Not(Formula negated) implements Formula {
    }

    private record And(List<Formula> parts) implements Formula {
    }

    private record Or(List<Formula> parts) implements Formula {
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 60).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFormulaWrittenWithMinimalParenthesesMeansWhatPrecedenceSays(long seed) {
        var random = new Random(seed);
        Formula formula = generate(random, 4);
        String text = write(formula, random);
        Policy policy = Policy.of(Map.of("it", text));

        for (int mask = 0; mask < 1 << ROLES.size(); mask++) {
            Set<String> held = held(mask);
            assertThat(policy.check("it", new Credentials("u", null, "p", null, null, false, held, false), Map.of()))
                    .as("%s with roles %s", text, held)
                    .isEqualTo(holds(formula, held));
        }
    }

    private static Formula generate(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(5);
        return switch (choice) {
            case 0, 1 -> new Has(ROLES.get(random.nextInt(ROLES.size())));
            case 2 -> new Not(generate(random, depth - 1));
            case 3 -> new And(IntStream.range(0, 2 + random.nextInt(2)).mapToObj(i -> generate(random, depth - 1)).toList());
            default -> new Or(IntStream.range(0, 2 + random.nextInt(2)).mapToObj(i -> generate(random, depth - 1)).toList());
        };
    }

    /** Parenthesises only where precedence demands, with random operator case and spare parentheses. */
    private static String write(Formula formula, Random random) {
        String text = switch (formula) {
            case Has has -> "role:" + has.role();
            case Not not -> word("not", random) + " " + operand(not.negated(), !(not.negated() instanceof Has || not.negated() instanceof Not), random);
            case And and -> and.parts().stream().map(part -> operand(part, part instanceof Or, random))
                    .collect(Collectors.joining(" " + word("and", random) + " "));
            case Or or -> or.parts().stream().map(part -> operand(part, false, random))
                    .collect(Collectors.joining(" " + word("or", random) + " "));
        };
        return random.nextInt(8) == 0 ? "(" + text + ")" : text;
    }

    private static String operand(Formula formula, boolean needsParentheses, Random random) {
        String text = write(formula, random);
        return needsParentheses ? "(" + text + ")" : text;
    }

    private static String word(String operator, Random random) {
        return random.nextBoolean() ? operator : operator.toUpperCase(Locale.ROOT);
    }

    private static boolean holds(Formula formula, Set<String> held) {
        return switch (formula) {
            case Has has -> held.contains(has.role());
            case Not not -> !holds(not.negated(), held);
            case And and -> and.parts().stream().allMatch(part -> holds(part, held));
            case Or or -> or.parts().stream().anyMatch(part -> holds(part, held));
        };
    }

    private static Set<String> held(int mask) {
        var held = new HashSet<String>();
        for (int i = 0; i < ROLES.size(); i++) {
            if ((mask & 1 << i) != 0) {
                held.add(ROLES.get(i));
            }
        }
        return held;
    }
}
