package dev.overcast.network.ports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;

/**
 * The {@code fixed_ips} filter of a port list: values like {@code ip_address=10.0.0.3},
 * {@code subnet_id=<id>} or {@code ip_address_substr=10.0}; one address of the port must match
 * every key given, and any of the values given for a key.
 */
final class FixedIpFilter {
    private FixedIpFilter() {
    }

    static boolean matches(JsonNode port, List<String> values) {
        Map<String, List<String>> wanted = new HashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String key = eq < 0 ? "" : value.substring(0, eq);
            if (!key.equals("ip_address") && !key.equals("subnet_id") && !key.equals("ip_address_substr")) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for fixed_ips. Reason: '" + value
                        + "' is not a valid filter; use ip_address=, subnet_id= or ip_address_substr=.");
            }
            wanted.computeIfAbsent(key, k -> new ArrayList<>()).add(value.substring(eq + 1));
        }
        for (JsonNode ip : port.path("fixed_ips")) {
            String address = ip.path("ip_address").asString("");
            String subnet = ip.path("subnet_id").asString("");
            boolean all = wanted.entrySet().stream().allMatch(e -> switch (e.getKey()) {
                case "ip_address" -> e.getValue().contains(address);
                case "subnet_id" -> e.getValue().contains(subnet);
                default -> e.getValue().stream().anyMatch(address::contains);
            });
            if (all) {
                return true;
            }
        }
        return false;
    }
}
