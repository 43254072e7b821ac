package dev.overcast.orchestration.template.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python value semantics for template data.
 *
 * <p>Heat is written in Python and its error messages and results show Python's {@code str()},
 * {@code ==} and {@code json.dumps()}: {@code True} rather than {@code true}, {@code 1 == 1.0},
 * {@code {"a": 1}} with a space after the colon. Template data here is the plain tree SnakeYAML
 * and Jackson produce (String, Integer/Long/BigInteger, Double, Boolean, null, List, Map), and
 * this class gives it those semantics so that results and messages match Heat's.
 */
public final class Py {

    private Py() {
    }

    /** @return Python's {@code str(value)} */
    public static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return repr(value);
    }

    /** @return Python's {@code repr(value)} */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> quote(s);
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatRepr(d);
            case Float f -> floatRepr(f.doubleValue());
            case BigDecimal d -> floatRepr(d.doubleValue());
            case Number n -> n.toString();
            case List<?> list -> {
                List<String> items = new ArrayList<>();
                list.forEach(item -> items.add(repr(item)));
                yield "[" + String.join(", ", items) + "]";
            }
            case Map<?, ?> map -> {
                List<String> items = new ArrayList<>();
                map.forEach((k, v) -> items.add(repr(k) + ": " + repr(v)));
                yield "{" + String.join(", ", items) + "}";
            }
            default -> value.toString();
        };
    }

    private static String quote(String s) {
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + s.replace("\\", "\\\\") + "\"";
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    /** Python's {@code repr(float)}: the shortest digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** @return Python's type name as {@code str(type(value))} shows it, e.g. {@code <class 'str'>} */
    public static String typeName(Object value) {
        String name = switch (value) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Double d -> "float";
            case Float f -> "float";
            case BigDecimal d -> "float";
            case Number n -> "int";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            default -> value.getClass().getSimpleName();
        };
        return "<class '" + name + "'>";
    }

    /** @return Python's short type name, e.g. {@code list} */
    public static String shortTypeName(Object value) {
        String full = typeName(value);
        return full.substring(8, full.length() - 2);
    }

    /** @return Python's truth value of {@code value} */
    public static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Number n -> n.doubleValue() != 0;
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** @return whether {@code value} is a Python number (bool included, as in Python) */
    public static boolean isNumber(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    /** @return Python's {@code a == b} */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(asNumber(a), asNumber(b)) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                if (!equal(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** @return Python's {@code value in list} */
    public static boolean in(Object value, List<?> list) {
        for (Object item : list) {
            if (equal(value, item)) {
                return true;
            }
        }
        return false;
    }

    static Number asNumber(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : (Number) value;
    }

    /** Compares two numbers numerically, exactly for integers. */
    public static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return toBigInteger(a).compareTo(toBigInteger(b));
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof BigInteger || n instanceof Short
                || n instanceof Byte;
    }

    static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    /**
     * Heat's {@code Schema.str_to_num}: numbers pass, strings become an int when they read as one,
     * else a float.
     *
     * @throws IllegalArgumentException with Python's message when the value is not a number
     */
    public static Number toNumber(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("int() argument must be a string, a bytes-like object or a real number, not '"
                    + shortTypeName(value) + "'");
        }
        String t = s.strip();
        if (t.matches("[+-]?\\d+")) {
            BigInteger big = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
            return big.bitLength() < 32 ? (Number) big.intValue() : big.bitLength() < 64 ? big.longValue() : big;
        }
        String lower = t.toLowerCase();
        switch (lower.replaceFirst("^[+-]", "")) {
            case "inf", "infinity" -> {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.parseDouble(t);
        }
        throw new IllegalArgumentException("could not convert string to float: " + quote(s));
    }

    /** @return Python's {@code json.dumps(value)}, keys sorted when asked (as Heat asks) */
    public static String jsonDumps(Object value, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value, sortKeys);
        return out.toString();
    }

    private static void writeJson(StringBuilder out, Object value, boolean sortKeys) {
        switch (value) {
            case null -> out.append("null");
            case String s -> writeJsonString(out, s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity")
                    : floatRepr(d));
            case Number n -> out.append(n instanceof BigDecimal bd ? floatRepr(bd.doubleValue()) : n.toString());
            case List<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    writeJson(out, item, sortKeys);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                Map<?, ?> ordered = map;
                if (sortKeys) {
                    TreeMap<String, Object> sorted = new TreeMap<>();
                    map.forEach((k, v) -> sorted.put(str(k), v));
                    ordered = sorted;
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ordered.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    writeJsonString(out, str(e.getKey()));
                    out.append(": ");
                    writeJson(out, e.getValue(), sortKeys);
                }
                out.append('}');
            }
            default -> writeJsonString(out, value.toString());
        }
    }

    private static void writeJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
