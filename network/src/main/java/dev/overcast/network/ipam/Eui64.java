package dev.overcast.network.ipam;

import java.math.BigInteger;

/**
 * The address SLAAC gives an interface: the /64 prefix and the interface id built from its MAC
 * (RFC 4291 appendix A: {@code ff:fe} in the middle, the universal/local bit flipped).
 */
public final class Eui64 {
    private Eui64() {
    }

    public static IpAddress address(Cidr prefix, String mac) {
        String[] octets = mac.split(":");
        if (prefix.version() != 6 || octets.length != 6) {
            throw new IllegalArgumentException("EUI-64 needs an IPv6 prefix and a MAC address");
        }
        long id = 0;
        int[] b = new int[6];
        for (int i = 0; i < 6; i++) {
            b[i] = Integer.parseInt(octets[i], 16);
        }
        int[] eui = {b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]};
        for (int octet : eui) {
            id = (id << 8) | octet;
        }
        BigInteger interfaceId = new BigInteger(Long.toUnsignedString(id));
        return new IpAddress(6, prefix.network().value().add(interfaceId));
    }
}
