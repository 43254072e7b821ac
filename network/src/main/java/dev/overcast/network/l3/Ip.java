package dev.overcast.network.l3;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses and CIDRs as numbers, for the checks routers and floating IPs make (is this
 * address in that subnet, do two subnets overlap). Parsing never resolves a host name: only
 * literals that look like addresses reach {@link InetAddress}.
 */
final class Ip {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

    private Ip() {
    }

    /** An address: its value and version. */
    record Address(BigInteger value, int version) {
    }

    /** A network: its first address, prefix length and version. */
    record Cidr(BigInteger network, int prefix, int version) {
        boolean contains(Address a) {
            if (a.version() != version) {
                return false;
            }
            int bits = version == 4 ? 32 : 128;
            return a.value().shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
        }

        boolean overlaps(Cidr other) {
            if (other.version != version) {
                return false;
            }
            int bits = version == 4 ? 32 : 128;
            int shorter = Math.min(prefix, other.prefix);
            return network.shiftRight(bits - shorter).equals(other.network.shiftRight(bits - shorter));
        }
    }

    /** The address, or null when {@code text} is not an IPv4 or IPv6 literal. */
    static Address parse(String text) {
        if (text == null) {
            return null;
        }
        if (V4.matcher(text).matches()) {
            return new Address(new BigInteger(1, bytes(text)), 4);
        }
        if (text.indexOf(':') >= 0 && V6.matcher(text).matches()) {
            try {
                byte[] raw = InetAddress.getByName(text).getAddress();
                if (raw.length == 4) {
                    // Java reads ::ffff:a.b.c.d as the IPv4 address; it is written as IPv6.
                    return new Address(BigInteger.valueOf(0xffffL).shiftLeft(32).or(new BigInteger(1, raw)), 6);
                }
                return new Address(new BigInteger(1, raw), 6);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    static boolean isAddress(String text) {
        return parse(text) != null;
    }

    static int version(String address) {
        Address a = parse(address);
        return a == null ? 0 : a.version();
    }

    /** The CIDR, or null when {@code text} is not one; host bits are dropped (10.0.0.5/24 is 10.0.0.0/24). */
    static Cidr cidr(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Address a = parse(text.substring(0, slash));
        if (a == null) {
            return null;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        int bits = a.version() == 4 ? 32 : 128;
        if (prefix < 0 || prefix > bits) {
            return null;
        }
        BigInteger network = a.value().shiftRight(bits - prefix).shiftLeft(bits - prefix);
        return new Cidr(network, prefix, a.version());
    }

    static boolean inCidr(String address, String cidr) {
        Address a = parse(address);
        Cidr c = cidr(cidr);
        return a != null && c != null && c.contains(a);
    }

    /** An IPv4 address as text. */
    static String v4(BigInteger value) {
        long v = value.longValue();
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    private static byte[] bytes(String v4) {
        String[] parts = v4.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }
}
