package dev.overcast.placement.candidates;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer straight into a byte array, for the one body that is both large and
 * frequent (a thousand candidates, hundreds of KB, thousands of times a second): about three
 * times faster than a general generator because nearly everything written is short ASCII
 * (uuids, class and trait names) that needs no escaping. Strings that do need it are escaped
 * properly. The caller writes the commas and colons.
 */
final class JsonBytes {
    private byte[] buf;
    private int len;

    JsonBytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Writes {@code text} as it is; it must be ASCII JSON syntax. */
    JsonBytes raw(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) text.charAt(i);
        }
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Writes bytes made by another {@code JsonBytes}. */
    JsonBytes bytes(byte[] made) {
        ensure(made.length);
        System.arraycopy(made, 0, buf, len, made.length);
        len += made.length;
        return this;
    }

    /** Writes {@code s} as a JSON string, or {@code null}. */
    JsonBytes str(String s) {
        if (s == null) {
            return raw("null");
        }
        int n = s.length();
        ensure(n + 2);
        int start = len;
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                len = start;
                return escaped(s);
            }
            buf[len++] = (byte) c;
        }
        buf[len++] = '"';
        return this;
    }

    private JsonBytes escaped(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        byte[] utf8 = out.append('"').toString().getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        len += utf8.length;
        return this;
    }

    /** Writes {@code name} as a string and a colon. */
    JsonBytes name(String name) {
        return str(name).raw(':');
    }

    JsonBytes num(long n) {
        if (n >= 0 && n < 10) {
            return raw((char) ('0' + n));
        }
        return raw(Long.toString(n));
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
