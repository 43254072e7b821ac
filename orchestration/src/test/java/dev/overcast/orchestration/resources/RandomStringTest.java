package dev.overcast.orchestration.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RandomStringTest {
    private final ResourcePlugin plugin = ResourceTypes.builtIn().require("OS::Heat::RandomString");

    static Stream<Long> seeds() {
        return LongStream.range(0, 30).boxed();
    }

    private static PluginContext context(long seed) {
        return new PluginContext(Clock.systemUTC(), d -> { }, new Random(seed),
                new dev.overcast.orchestration.stacks.StackRow("id", "s", "p", "u", null, "CREATE", "IN_PROGRESS", "",
                        "", java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.List.of(), true,
                        null, "legacy", null, null, java.time.Instant.EPOCH, null, null),
                PluginServices.NONE);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theStringHasItsLengthAndEveryClassMinimum(long seed) {
        Random random = new Random(seed);
        int digits = 1 + random.nextInt(4);
        int upper = 1 + random.nextInt(4);
        int length = digits + upper + random.nextInt(20);
        Map<String, Object> given = Map.of("length", length, "character_classes", List.of(
                Map.of("class", "digits", "min", digits), Map.of("class", "uppercase", "min", upper)));
        Map<String, Object> properties = Properties.validate("r", plugin.properties(), given, false);
        String value = (String) plugin.create("r", properties, context(seed)).data().get("value");
        assertThat(value).hasSize(length).matches("[0-9A-Z]+");
        assertThat(value.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(digits);
        assertThat(value.chars().filter(Character::isUpperCase).count()).isGreaterThanOrEqualTo(upper);
    }

    @Test
    void sequencesCountTowardsTheMinimums() {
        Map<String, Object> properties = Properties.validate("r", plugin.properties(), Map.of("length", 6,
                "character_classes", List.of(), "character_sequences", List.of(Map.of("sequence", "!@", "min", 6))),
                false);
        String value = (String) plugin.create("r", properties, context(1)).data().get("value");
        assertThat(value).hasSize(6).matches("[!@]+");
    }

    @Test
    void minimumsLongerThanTheStringFail() {
        Map<String, Object> properties = Properties.validate("r", plugin.properties(), Map.of("length", 2,
                "character_classes", List.of(Map.of("class", "digits", "min", 3))), false);
        assertThatThrownBy(() -> plugin.create("r", properties, context(1))).isInstanceOf(ResourceFailure.class)
                .hasMessage("Length property cannot be smaller than combined character class and character "
                        + "sequence minimums");
    }

    @Test
    void propertiesAreCheckedWithHeatsMessages() {
        assertThatThrownBy(() -> Properties.validate("r", plugin.properties(), Map.of("lenght", 3), false))
                .hasMessage("Property error: resources.r.properties: Unknown Property lenght");
        assertThatThrownBy(() -> Properties.validate("r", plugin.properties(), Map.of("length", "x"), false))
                .hasMessage("Property error: resources.r.properties.length: Value 'x' is not a number");
        assertThatThrownBy(() -> Properties.validate("r", plugin.properties(), Map.of("sequence", "emoji"), false))
                .hasMessageStartingWith("Property error: resources.r.properties.sequence: \"emoji\" is not an allowed value");
        ResourcePlugin value = ResourceTypes.builtIn().require("OS::Heat::Value");
        assertThatThrownBy(() -> Properties.validate("v", value.properties(), Map.of(), false))
                .hasMessage("Property error: resources.v.properties: Property value not assigned");
    }
}
