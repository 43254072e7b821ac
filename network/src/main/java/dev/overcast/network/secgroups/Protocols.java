package dev.overcast.network.secgroups;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The IP protocols a rule may name, as neutron-lib lists them, and how names and numbers
 * relate: a rule's protocol is kept as the client wrote it (a lower-case name, or a number
 * 0-255 as text), but {@code tcp} and {@code 6} are the same protocol when rules are compared.
 */
final class Protocols {
    /** Name → number, in neutron-lib's order (which its error message shows). */
    static final Map<String, Integer> BY_NAME = byName();

    /** Protocols whose rules may have a port range. */
    static final Set<Integer> WITH_PORTS = Set.of(6, 17, 33, 132, 136);
    static final int ICMP = 1;
    static final int IPV6_ICMP = 58;

    /** Names and numbers only an IPv6 rule may use. */
    static final Set<String> IPV6_ONLY = Set.of("ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt",
            "ipv6-opts", "ipv6-route", "41", "44", "58", "59", "60", "43");

    private Protocols() {
    }

    private static Map<String, Integer> byName() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ah", 51);
        m.put("dccp", 33);
        m.put("egp", 8);
        m.put("esp", 50);
        m.put("gre", 47);
        m.put("hopopt", 0);
        m.put("icmp", 1);
        m.put("igmp", 2);
        m.put("ipip", 4);
        m.put("ipv6-encap", 41);
        m.put("ipv6-frag", 44);
        m.put("ipv6-icmp", 58);
        m.put("icmpv6", 58);
        m.put("ipv6-nonxt", 59);
        m.put("ipv6-opts", 60);
        m.put("ipv6-route", 43);
        m.put("ospf", 89);
        m.put("pgm", 113);
        m.put("rsvp", 46);
        m.put("sctp", 132);
        m.put("tcp", 6);
        m.put("udp", 17);
        m.put("udplite", 136);
        m.put("vrrp", 112);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The protocol's number: {@code tcp} → 6, {@code "58"} → 58. */
    static int number(String protocol) {
        Integer known = BY_NAME.get(protocol);
        return known != null ? known : Integer.parseInt(protocol);
    }

    /** What Neutron's error lists as the values a protocol may take. */
    static String supported() {
        StringBuilder out = new StringBuilder("(None, 'any'");
        BY_NAME.keySet().forEach(name -> out.append(", '").append(name).append('\''));
        return out.append(')').toString();
    }
}
