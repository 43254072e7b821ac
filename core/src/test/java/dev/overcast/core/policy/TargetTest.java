package dev.overcast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aFlatDottedKeyIsFoundAsIs() {
        assertThat(Target.find(Map.of("target.project.id", "p-1"), "target.project.id")).contains("p-1");
    }

    @Test
    void aDottedKeyWalksNestedMaps() {
        Map<String, Object> target = Map.of("target", Map.of("project", Map.of("id", "p-1")));

        assertThat(Target.find(target, "target.project.id")).contains("p-1");
    }

    @Test
    void flatAndNestedKeysCanBeMixed() {
        Map<String, Object> target = Map.of("target", Map.of("project.id", "p-1"), "a.b", Map.of("c", "x"));

        assertThat(Target.find(target, "target.project.id")).contains("p-1");
        assertThat(Target.find(target, "a.b.c")).contains("x");
    }

    @Test
    void theFlatKeyWinsOverTheNestedOne() {
        Map<String, Object> target = Map.of("target.project.id", "flat", "target", Map.of("project", Map.of("id", "nested")));

        assertThat(Target.find(target, "target.project.id")).contains("flat");
    }

    @Test
    void aLaterPathIsTriedWhenAnEarlierOneDeadEnds() {
        Map<String, Object> target = Map.of("a", Map.of("x", 1), "a.b", Map.of("c", "found"));

        assertThat(Target.find(target, "a.b.c")).contains("found");
    }

    @Test
    void aMissingKeyOrAPathThroughANonMapIsAbsent() {
        Map<String, Object> target = Map.of("target", Map.of("project", "p-1"));

        assertThat(Target.find(target, "missing")).isEmpty();
        assertThat(Target.find(target, "target.user.id")).isEmpty();
        assertThat(Target.find(target, "target.project.id")).isEmpty();
        assertThat(Target.find(Map.of(), "")).isEmpty();
    }

    @Test
    void aNonStringMapValueIsReachableToo() {
        assertThat(Target.find(Map.of("n", 42L, "m", Map.of("ratio", 1.5)), "m.ratio")).contains("1.5");
        assertThat(Target.find(Map.of("n", 42L), "n")).contains("42");
    }

    @Test
    void valuesArePrintedAsPythonPrintsThem() {
        var target = new HashMap<String, Object>();
        target.put("yes", true);
        target.put("no", Boolean.FALSE);
        target.put("nothing", null);

        assertThat(Target.find(target, "yes")).contains("True");
        assertThat(Target.find(target, "no")).contains("False");
        assertThat(Target.find(target, "nothing")).contains("None");
    }
}
