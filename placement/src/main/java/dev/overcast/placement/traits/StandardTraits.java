package dev.overcast.placement.traits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The standard traits: every name the os-traits library defines. Placement treats them as
 * always existing; only custom traits ({@code CUSTOM_*}) are rows in the database.
 *
 * <p>The list is a resource, {@code /placement/standard-traits.txt}, one name a line, so that
 * a new os-traits release is a data change. It is read once, when this class loads; a
 * malformed or repeated name fails the load rather than serving a list nobody checked.
 */
public final class StandardTraits {
    static final String RESOURCE = "/placement/standard-traits.txt";
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> ALL = Collections.unmodifiableSet(new TreeSet<>(parse(read())));

    private StandardTraits() {
    }

    /** Every standard trait, in name order. */
    public static Set<String> all() {
        return ALL;
    }

    /** True when {@code name} is an os-traits name (custom traits never are). */
    public static boolean isStandard(String name) {
        return ALL.contains(name);
    }

    /**
     * The names in a standard-traits text: blank lines and {@code #} comments are skipped.
     *
     * @throws IllegalStateException when a name is malformed, custom or repeated
     */
    static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!NAME.matcher(line).matches() || line.startsWith("CUSTOM_")) {
                throw new IllegalStateException("not a standard trait name: " + line);
            }
            if (!seen.add(line)) {
                throw new IllegalStateException("standard trait listed twice: " + line);
            }
            names.add(line);
        }
        return names;
    }

    static String read() {
        try (InputStream in = StandardTraits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
