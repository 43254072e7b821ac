package dev.overcast.network.ipam;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IP network: an address with its host bits cleared and a prefix length, written as
 * netaddr writes it ({@code 10.0.0.0/24}, {@code 2001:db8::/64}).
 */
public record Cidr(IpAddress network, int prefix) {
    public Cidr {
        int bits = IpAddress.bits(network.version());
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix " + prefix + " is out of range for IPv" + network.version());
        }
    }

    /** What {@code text} says, with its host bits as given (see {@link #normalized()}). */
    public record Parsed(IpAddress address, int prefix) {
        /** The network, host bits cleared. */
        public Cidr normalized() {
            return new Cidr(new IpAddress(address.version(), address.value().and(mask(address.version(), prefix))),
                    prefix);
        }

        /** Whether the text named the network itself (no host bits set). */
        public boolean isNetwork() {
            return normalized().network().equals(address);
        }
    }

    /** {@code a.b.c.d/n} or {@code v6/n}; empty when it is not one (a bare address is not a CIDR). */
    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        Optional<IpAddress> address = IpAddress.parse(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address.isEmpty() || !length.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(length);
        if (prefix > IpAddress.bits(address.get().version())) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(address.get(), prefix));
    }

    static BigInteger mask(int version, int prefix) {
        int bits = IpAddress.bits(version);
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger hosts = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return all.xor(hosts);
    }

    public int version() {
        return network.version();
    }

    /** The last address of the network (IPv4's broadcast address). */
    public IpAddress last() {
        BigInteger hosts = BigInteger.ONE.shiftLeft(IpAddress.bits(version()) - prefix).subtract(BigInteger.ONE);
        return new IpAddress(version(), network.value().add(hosts));
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == version() && ip.compareTo(network) >= 0 && ip.compareTo(last()) <= 0;
    }

    public boolean overlaps(Cidr other) {
        return other.version() == version() && (contains(other.network) || other.contains(network));
    }

    /**
     * The addresses a port may get: all but IPv4's network and broadcast addresses (kept on /31
     * and /32, which have no room for them) and IPv6's subnet-router anycast address.
     */
    public IpRange usable() {
        if (version() == 4 && prefix >= 31) {
            return new IpRange(network, last());
        }
        IpAddress first = network.plus(1);
        IpAddress end = version() == 4 ? last().plus(-1) : last();
        return new IpRange(first, end);
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
