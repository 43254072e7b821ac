package dev.overcast.network.ports;

import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

import dev.overcast.network.api.Attributes;

/**
 * MAC addresses as Neutron makes them from {@code base_mac}: the first three octets are the
 * base's, and every later octet the base leaves at 00 is random.
 */
final class MacAddresses {
    private final String[] base;
    private final RandomGenerator random;

    MacAddresses(String baseMac, RandomGenerator random) {
        this.base = baseMac.toLowerCase(Locale.ROOT).split(":");
        this.random = random;
    }

    String next() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String octet = i < 3 || !base[i].equals("00")
                    ? base[i] : HexFormat.of().toHexDigits((byte) random.nextInt(256));
            out.append(i == 0 ? "" : ":").append(octet);
        }
        return out.toString();
    }

    /** A client's MAC in Neutron's form (lower case, colons); 400 when it is not a unicast MAC. */
    static String normalize(String text, String attribute) {
        String mac = text.toLowerCase(Locale.ROOT).replace('-', ':');
        if (!mac.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}") || (Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1
                || mac.equals("00:00:00:00:00:00")) {
            throw Attributes.invalid(attribute, "'" + text + "' is not a valid MAC address");
        }
        return mac;
    }
}
