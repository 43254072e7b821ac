package dev.overcast.compute.netproxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Nova security group rule ({@code ip_protocol}, {@code from_port}, {@code to_port}, {@code cidr}
 * or {@code group_id}) checked with Nova's messages and turned into Network's ingress rule.
 */
final class NovaRules {
    private NovaRules() {
    }

    static ObjectNode toNeutron(JsonNode rule, String parent) {
        ObjectNode out = Json.object();
        out.put("security_group_id", parent);
        out.put("direction", "ingress");
        String groupId = text(rule.get("group_id"));
        String cidr = text(rule.get("cidr"));
        if (groupId != null) {
            out.put("remote_group_id", SecurityGroupProxyApi.uuid(rule.get("group_id"), "Security group id should be uuid"));
            out.put("ethertype", "IPv4");
        } else {
            cidr = cidr == null ? "0.0.0.0/0" : cidr;
            out.put("remote_ip_prefix", cidr);
            out.put("ethertype", cidrVersion(cidr) == 6 ? "IPv6" : "IPv4");
        }
        String protocol = text(rule.get("ip_protocol"));
        JsonNode from = rule.get("from_port");
        JsonNode to = rule.get("to_port");
        boolean anyPort = isNull(from) && isNull(to);
        if (protocol == null) {
            if (!anyPort) {
                throw ApiException.badRequest("Invalid IP protocol None.");
            }
            return out;
        }
        String p = protocol.toLowerCase(Locale.ROOT);
        if (!p.equals("tcp") && !p.equals("udp") && !p.equals("icmp")) {
            throw ApiException.badRequest("Invalid IP protocol " + protocol + ".");
        }
        out.put("protocol", p);
        int fromPort = port(from, protocol);
        int toPort = port(to, protocol);
        if (p.equals("icmp")) {
            if (fromPort < -1 || fromPort > 255 || toPort < -1 || toPort > 255) {
                throw ApiException.badRequest("Invalid port range " + fromPort + ":" + toPort
                        + ". For ICMP, the type:code must be valid");
            }
            if (fromPort != -1) {
                out.put("port_range_min", fromPort);
                if (toPort != -1) {
                    out.put("port_range_max", toPort);
                }
            }
            return out;
        }
        if (fromPort < 1 || fromPort > 65535 || toPort < 1 || toPort > 65535 || fromPort > toPort) {
            throw ApiException.badRequest("Invalid port range " + fromPort + ":" + toPort
                    + ". Valid " + p.toUpperCase(Locale.ROOT) + " ports should be between 1-65535");
        }
        out.put("port_range_min", fromPort);
        out.put("port_range_max", toPort);
        return out;
    }

    private static int port(JsonNode value, String protocol) {
        if (isNull(value)) {
            throw ApiException.badRequest("Invalid port range: from_port and to_port are required for protocol "
                    + protocol + ".");
        }
        try {
            return Integer.parseInt(value.asString().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid port range " + value.asString() + ". Ports must be integers.");
        }
    }

    private static int cidrVersion(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            throw ApiException.badRequest("Invalid cidr " + cidr + ".");
        }
        String address = parts[0];
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            throw ApiException.badRequest("Invalid cidr " + cidr + ".");
        }
        try {
            int version = InetAddress.getByName(address).getAddress().length == 4 && !address.contains(":") ? 4 : 6;
            int prefix = Integer.parseInt(parts[1]);
            if (prefix > (version == 4 ? 32 : 128)) {
                throw ApiException.badRequest("Invalid cidr " + cidr + ".");
            }
            return version;
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("Invalid cidr " + cidr + ".");
        }
    }

    private static boolean isNull(JsonNode v) {
        return v == null || v.isNull();
    }

    private static String text(JsonNode v) {
        return isNull(v) ? null : v.asString();
    }
}
