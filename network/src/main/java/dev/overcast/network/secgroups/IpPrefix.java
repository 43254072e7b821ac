package dev.overcast.network.secgroups;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Pattern;

import dev.overcast.network.NeutronErrors;
import dev.overcast.network.ipam.IpAddress;

/**
 * A rule's {@code remote_ip_prefix}, parsed and written back as Neutron does: an address
 * without a length gets its full length ({@code 10.0.0.5} is {@code 10.0.0.5/32}), IPv6 is
 * written in RFC 5952's compact lower-case form, and the host bits stay in {@link #text()}
 * but not in {@link #cidr()} ({@code normalized_cidr}). Only literal addresses parse: nothing
 * here ever resolves a name.
 *
 * @param bytes  the address, 4 or 16 bytes
 * @param length the prefix length
 */
record IpPrefix(byte[] bytes, int length) {
    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    IpPrefix {
        bytes = bytes.clone();
    }

    /** Parses {@code text}; a 400 {@code InvalidCIDR} when it is not an address or prefix. */
    static IpPrefix parse(String text) {
        IpPrefix parsed = tryParse(text);
        if (parsed == null) {
            throw NeutronErrors.of(400, "InvalidCIDR", "Invalid CIDR " + text + " given as IP prefix.");
        }
        return parsed;
    }

    private static IpPrefix tryParse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = address.contains(":") ? v6(address) : v4(address);
        if (bytes == null) {
            return null;
        }
        int max = bytes.length * 8;
        if (slash < 0) {
            return new IpPrefix(bytes, max);
        }
        String length = text.substring(slash + 1);
        if (!LENGTH.matcher(length).matches() || Integer.parseInt(length) > max) {
            return null;
        }
        return new IpPrefix(bytes, Integer.parseInt(length));
    }

    int version() {
        return bytes.length == 4 ? 4 : 6;
    }

    String ethertype() {
        return "IPv" + version();
    }

    /** Whether this prefix is every address ({@code 0.0.0.0/0}, {@code ::/0}). */
    boolean isAny() {
        return length == 0;
    }

    /** The prefix as given, normalized: {@code 10.0.0.5/24}. */
    String text() {
        return format(bytes) + "/" + length;
    }

    /** The network, host bits cleared: {@code 10.0.0.0/24}. */
    String cidr() {
        byte[] network = bytes.clone();
        for (int bit = length; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return format(network) + "/" + length;
    }

    private static byte[] v4(String text) {
        if (!V4.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** RFC 4291's text forms: hex groups, one {@code ::}, an IPv4 tail. */
    private static byte[] v6(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int[] front = groups(head, gap < 0);
        int[] back = groups(tail, true);
        if (front == null || back == null) {
            return null;
        }
        int total = front.length + back.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(front, 0, all, 0, front.length);
        System.arraycopy(back, 0, all, 8 - back.length, back.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >>> 8);
            out[2 * i + 1] = (byte) all[i];
        }
        return out;
    }

    /** The 16-bit groups of one side of {@code ::}; a dotted IPv4 tail counts as two. */
    private static int[] groups(String side, boolean mayEndInV4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.contains(".")) {
                byte[] v4 = i == parts.length - 1 && mayEndInV4 ? v4(part) : null;
                if (v4 == null) {
                    return null;
                }
                out[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                out[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
            } else {
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                out[n++] = Integer.parseInt(part, 16);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String format(byte[] bytes) {
        return new IpAddress(bytes.length == 4 ? 4 : 6, new BigInteger(1, bytes)).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix other && Arrays.equals(bytes, other.bytes) && length == other.length;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + length;
    }

    @Override
    public String toString() {
        return text();
    }
}
