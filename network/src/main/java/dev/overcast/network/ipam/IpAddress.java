package dev.overcast.network.ipam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import dev.overcast.core.net.IpText;

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

    private String v6() {
        byte[] bytes = new byte[16];
        byte[] raw = value.toByteArray(); // big-endian, perhaps with a sign byte or shorter
        int n = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - n, bytes, 16 - n, n);
        return IpText.ipv6(bytes);
    }
}
