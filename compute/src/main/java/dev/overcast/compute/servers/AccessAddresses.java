package dev.overcast.compute.servers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

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
            return compress(address.getAddress());
        } catch (UnknownHostException e) {
            throw CreateRequest.invalid(field, value, "'" + value + "' is not a 'ipv6'");
        }
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
