package dev.overcast.compute.scheduler;

/**
 * One extra spec's requirement, parsed once: Nova's {@code extra_specs_ops}. The first word may be an operator:
 * {@code =} (numerically at least), {@code ==}, {@code !=}, {@code >=}, {@code <=} (numeric), {@code s==},
 * {@code s!=}, {@code s<}, {@code s<=}, {@code s>}, {@code s>=} (string), {@code <in>} (the value contains the
 * operand), {@code <all-in>} (the value contains every operand) and {@code <or>} ({@code <or> a <or> b}: the value
 * is one of them). Without an operator the value must equal the whole requirement.
 *
 * <p>Nova raises on a numeric operator over a value that is not a number; here that value simply does not match.
 */
final class ExtraSpecMatcher {
    private enum Op { EQUALS_TEXT, AT_LEAST, NUM_EQ, NUM_NE, NUM_GE, NUM_LE, S_EQ, S_NE, S_LT, S_LE, S_GT, S_GE,
        IN, ALL_IN, OR, NEVER }

    private final Op op;
    private final String text;
    private final String[] words;
    private final double number;

    private ExtraSpecMatcher(Op op, String text, String[] words, double number) {
        this.op = op;
        this.text = text;
        this.words = words;
        this.number = number;
    }

    /** Parses a requirement such as {@code ">= 4"} or {@code "<or> kvm <or> qemu"}. */
    static ExtraSpecMatcher parse(String requirement) {
        String[] all = requirement.trim().isEmpty() ? new String[0] : requirement.trim().split("\\s+");
        Op op = all.length == 0 ? null : operator(all[0]);
        if (op == null) {
            return new ExtraSpecMatcher(Op.EQUALS_TEXT, requirement, new String[0], Double.NaN);
        }
        String[] rest = java.util.Arrays.copyOfRange(all, 1, all.length);
        if (op == Op.OR) {
            // "<or> a <or> b": every other word is an alternative.
            String[] options = new String[(rest.length + 1) / 2];
            for (int i = 0; i < rest.length; i += 2) {
                options[i / 2] = rest[i];
            }
            return new ExtraSpecMatcher(Op.OR, requirement, options, Double.NaN);
        }
        if (rest.length == 0) {
            return new ExtraSpecMatcher(Op.NEVER, requirement, rest, Double.NaN);
        }
        return new ExtraSpecMatcher(op, rest[0], rest, numeric(op) ? parseOrNaN(rest[0]) : Double.NaN);
    }

    private static Op operator(String word) {
        return switch (word) {
            case "=" -> Op.AT_LEAST;
            case "==" -> Op.NUM_EQ;
            case "!=" -> Op.NUM_NE;
            case ">=" -> Op.NUM_GE;
            case "<=" -> Op.NUM_LE;
            case "s==" -> Op.S_EQ;
            case "s!=" -> Op.S_NE;
            case "s<" -> Op.S_LT;
            case "s<=" -> Op.S_LE;
            case "s>" -> Op.S_GT;
            case "s>=" -> Op.S_GE;
            case "<in>" -> Op.IN;
            case "<all-in>" -> Op.ALL_IN;
            case "<or>" -> Op.OR;
            default -> null;
        };
    }

    private static boolean numeric(Op op) {
        return op == Op.AT_LEAST || op == Op.NUM_EQ || op == Op.NUM_NE || op == Op.NUM_GE || op == Op.NUM_LE;
    }

    static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether this requirement compares numbers, so a numeric value can be matched without making text. */
    boolean isNumeric() {
        return numeric(op);
    }

    /** Whether a numeric value matches; only for {@link #isNumeric()} requirements. */
    boolean matches(double value) {
        if (Double.isNaN(value) || Double.isNaN(number)) {
            return false;
        }
        return switch (op) {
            case AT_LEAST, NUM_GE -> value >= number;
            case NUM_EQ -> value == number;
            case NUM_NE -> value != number;
            case NUM_LE -> value <= number;
            default -> throw new IllegalStateException("not a numeric requirement: " + op);
        };
    }

    /** Whether a value matches; null never does. */
    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        return switch (op) {
            case EQUALS_TEXT -> value.equals(text);
            case AT_LEAST, NUM_EQ, NUM_NE, NUM_GE, NUM_LE -> matches(parseOrNaN(value));
            case S_EQ -> value.equals(text);
            case S_NE -> !value.equals(text);
            case S_LT -> value.compareTo(text) < 0;
            case S_LE -> value.compareTo(text) <= 0;
            case S_GT -> value.compareTo(text) > 0;
            case S_GE -> value.compareTo(text) >= 0;
            case IN -> value.contains(text);
            case ALL_IN -> containsAll(value);
            case OR -> oneOf(value);
            case NEVER -> false;
        };
    }

    private boolean containsAll(String value) {
        for (String w : words) {
            if (!value.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private boolean oneOf(String value) {
        for (String w : words) {
            if (w.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key an extra spec names within {@code scope}: {@code scope:key} and an unscoped
     * {@code key} give {@code key}; a key of another scope gives null.
     */
    static String scopedKey(String key, String scope) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return key;
        }
        return key.substring(0, colon).equals(scope) ? key.substring(colon + 1) : null;
    }
}
