package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.orchestration.template.functions.Py;

/** Seeded random inputs: str_replace against a simple model of Heat's algorithm. */
class StrReplacePropertyTest {

    static LongStream seeds() {
        return LongStream.range(100, 140);
    }

    /**
     * The model: scan the text left to right; at each position take the longest key that matches
     * there (ties: the smallest), emit its value, jump past it. Heat's split/join recursion over
     * keys sorted by length gives the same result when no key is a proper substring-overlap of
     * another at different offsets; the generated alphabet keeps keys distinct in first letter.
     */
    private static String model(String text, Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String best = null;
            for (String key : params.keySet()) {
                if (text.startsWith(key, i) && (best == null || key.length() > best.length())) {
                    best = key;
                }
            }
            if (best == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(params.get(best));
                i += best.length();
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void strReplaceReplacesEveryKeyOnceAndNeverAReplacement(long seed) {
        Random random = new Random(seed);
        Map<String, String> params = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        String[] starts = {"$A", "$B", "%C", "@D"};
        for (String start : starts) {
            if (random.nextBoolean() || keys.isEmpty()) {
                String key = start + "x".repeat(random.nextInt(3));
                keys.add(key);
                params.put(key, random.nextBoolean() ? "<" + start + ">" : "$A$B");
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(random.nextBoolean() ? keys.get(random.nextInt(keys.size())) : "-" + random.nextInt(10));
        }
        StringBuilder yaml = new StringBuilder("str_replace:\n  template: '" + text + "'\n  params:\n");
        params.forEach((k, v) -> yaml.append("    '").append(k).append("': '").append(v).append("'\n"));
        Object result = Hot.eval(yaml.toString());
        assertThat(Py.str(result)).isEqualTo(model(text.toString(), params));
    }
}
