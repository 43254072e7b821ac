package dev.overcast.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The right-hand side of a check: literal text with {@code %(key)s} placeholders filled
 * from the target, as Python's {@code "..." % target} does in oslo.policy. {@code %%} is a
 * literal percent sign; any other {@code %} is rejected when the rule is parsed rather than
 * failing on the first request, as it would in Python.
 */
record Template(List<Part> parts) {

    sealed interface Part {
    }

    record Text(String text) implements Part {
    }

    /** A placeholder; {@code key} is looked up in the target by {@link Target#find}. */
    record Placeholder(String key) implements Part {
    }

    Template {
        parts = List.copyOf(parts);
    }

    static Template literal(String text) {
        return new Template(List.of(new Text(text)));
    }

    static Template parse(String raw) {
        var parts = new ArrayList<Part>();
        var text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '%') {
                text.append(c);
                i++;
            } else if (raw.startsWith("%%", i)) {
                text.append('%');
                i += 2;
            } else {
                int close = raw.indexOf(')', i);
                if (!raw.startsWith("%(", i) || close < 0 || close == i + 2
                        || !raw.startsWith(")s", close)) {
                    throw new IllegalArgumentException("unsupported '%' in \"" + raw
                            + "\": only %(key)s placeholders and %% are allowed");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Placeholder(raw.substring(i + 2, close)));
                i = close + 2;
            }
        }
        if (!text.isEmpty() || parts.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new Template(parts);
    }

    /** The text with every placeholder filled, or empty when the target lacks one of the keys. */
    Optional<String> render(Map<String, ?> target) {
        var out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text t -> out.append(t.text());
                case Placeholder p -> {
                    Optional<String> value = Target.find(target, p.key());
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    out.append(value.get());
                }
            }
        }
        return Optional.of(out.toString());
    }
}
