package dev.overcast.network.ipam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a number, so that ranges, pools and subnets are plain arithmetic.
 * Text is parsed strictly (no host names, no zone ids) and written canonically: dotted quads for
 * IPv4, RFC 5952 (lower case, longest zero run as {@code ::}) for IPv6, as netaddr writes them.
 *
 * @param version 4 or 6
 * @param value   the address as an unsigned number
 */
public record IpAddress(int version, BigInteger value) implements Comparable<IpAddress> {
    public IpAddress {
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("ip version must be 4 or 6, not " + version);
        }
        if (value.signum() < 0 || value.bitLength() > bits(version)) {
            throw new IllegalArgumentException("not an IPv" + version + " address: " + value);
        }
    }

    /** The address in {@code text}, or empty when it is not a literal IPv4 or IPv6 address. */
    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || !text.strip().equals(text) || text.contains("%")) {
            return Optional.empty();
        }
        boolean v6 = text.contains(":");
        if (!v6 && !text.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return Optional.empty();
        }
        if (v6 && !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            // Only literals reach here (the patterns above), so this never resolves a name.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            int version = bytes.length == 4 ? 4 : 6;
            if (v6 && version == 4) {
                // Java reads ::ffff:1.2.3.4 as IPv4; it is an IPv6 address.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return Optional.of(new IpAddress(6, new BigInteger(1, mapped)));
            }
            return Optional.of(new IpAddress(version, new BigInteger(1, bytes)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static int bits(int version) {
        return version == 4 ? 32 : 128;
    }

    public IpAddress plus(long n) {
        return new IpAddress(version, value.add(BigInteger.valueOf(n)));
    }

    @Override
    public int compareTo(IpAddress other) {
        int byVersion = Integer.compare(version, other.version);
        return byVersion != 0 ? byVersion : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return version == 4 ? v4() : v6();
    }

    private String v4() {
        long v = value.longValue();
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    /** RFC 5952, as netaddr writes it: an IPv4-mapped address keeps its dotted tail. */
    private String v6() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return "::ffff:" + new IpAddress(4, value.and(BigInteger.valueOf(0xffffffffL))).v4();
        }
        // The longest run of two or more zero groups (the first of equals) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
