package dev.overcast.compute.servers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.overcast.core.net.IpText;

/** The access addresses a server may be given, checked and written as Nova writes them (IPv6 compressed). */
final class AccessAddresses {
    private AccessAddresses() {
    }

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

    /** Whether {@code value} is an IPv4 or IPv6 address (no host names). */
    static boolean isIp(String value) {
        if (value.matches(IPV4)) {
            return true;
        }
        if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The IPv4 address, or a 400 naming {@code field}. Empty stays empty. */
    static String v4(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (!value.matches(IPV4)) {
            throw CreateRequest.invalid(field, value, "'" + value + "' is not a 'ipv4'");
        }
        return value;
    }

    /** The IPv6 address in RFC 5952 form ({@code ::babe:dc0c:1602}), or a 400 naming {@code field}. */
    static String v6(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
            throw CreateRequest.invalid(field, value, "'" + value + "' is not a 'ipv6'");
        }
        try {
            InetAddress address = InetAddress.getByName(value);
            if (!(address instanceof Inet6Address)) {
                // Java reads an IPv4-mapped address as IPv4; Nova keeps it as IPv6.
                return "::ffff:" + address.getHostAddress();
            }
            return IpText.ipv6(address.getAddress());
        } catch (UnknownHostException e) {
            throw CreateRequest.invalid(field, value, "'" + value + "' is not a 'ipv6'");
        }
    }
}
