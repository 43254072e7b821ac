package dev.overcast.network.l3;

import java.math.BigInteger;

import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;

/**
 * The address checks routers and floating IPs make (is this address in that subnet, is it
 * IPv4), in the terms of IPAM's {@link IpAddress} and {@link Cidr}, whose parsing never
 * resolves a host name.
 */
final class Ip {
    private Ip() {
    }

    static boolean isAddress(String text) {
        return IpAddress.parse(text).isPresent();
    }

    /** The address's IP version, or 0 when {@code address} is not one. */
    static int version(String address) {
        return IpAddress.parse(address).map(IpAddress::version).orElse(0);
    }

    /** The CIDR, or null when {@code text} is not one; host bits are dropped (10.0.0.5/24 is 10.0.0.0/24). */
    static Cidr cidr(String text) {
        return Cidr.parse(text).map(Cidr.Parsed::normalized).orElse(null);
    }

    static boolean inCidr(String address, String cidr) {
        Cidr c = cidr(cidr);
        return c != null && IpAddress.parse(address).map(c::contains).orElse(false);
    }

    /** An IPv4 address as text. */
    static String v4(BigInteger value) {
        return new IpAddress(4, value).toString();
    }
}
