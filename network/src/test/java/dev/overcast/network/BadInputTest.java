package dev.overcast.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.testkit.ApiClient;

/**
 * Property-style: any value of any type in any attribute of a create or an update is answered
 * with a 2xx or a 4xx, never a 500. Seeded, so a failure repeats.
 */
class BadInputTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static final List<String> NETWORK = List.of("name", "description", "admin_state_up", "shared",
            "router:external", "is_default", "mtu", "port_security_enabled", "availability_zone_hints",
            "provider:network_type", "provider:physical_network", "provider:segmentation_id", "tenant_id");
    private static final List<String> SUBNET = List.of("name", "ip_version", "cidr", "gateway_ip",
            "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp", "ipv6_ra_mode", "ipv6_address_mode",
            "subnetpool_id", "service_types");
    private static final List<String> PORT = List.of("name", "admin_state_up", "mac_address", "device_id",
            "device_owner", "fixed_ips", "security_groups", "port_security_enabled", "allowed_address_pairs",
            "extra_dhcp_opts", "binding:host_id", "binding:profile", "binding:vnic_type", "propagate_uplink_status");

    private static String network;
    private static String subnet;
    private static String port;

    @BeforeAll
    static void resources() {
        ApiClient admin = server.admin();
        network = admin.post("/v2.0/networks", Map.of("network", Map.of("name", "fuzz"))).json().at("/network/id").asString();
        subnet = admin.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network, "ip_version", 4,
                "cidr", "10.99.0.0/24"))).json().at("/subnet/id").asString();
        port = admin.post("/v2.0/ports", Map.of("port", Map.of("network_id", network))).json().at("/port/id").asString();
    }

    static Stream<Long> seeds() {
        return Stream.of(11L, 22L, 33L, 44L, 55L);
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 9 : 11)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(70000) - 10;
            case 3 -> random.nextDouble();
            case 4 -> "";
            case 5 -> List.of("10.99.0.7", "fa:16:3e:00:00:01", "2001:db8::/64", "slaac", "x".repeat(300), "tcp",
                    "vxlan", "flat", "10.99.0.0/24", "network:dhcp", network, subnet).get(random.nextInt(12));
            case 6 -> Long.MAX_VALUE;
            case 7 -> "\\u0000\"'<>";
            case 8 -> "10.99.0." + random.nextInt(300);
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new HashMap<>();
                for (String key : List.of("start", "end", "ip_address", "subnet_id", "mac_address", "destination",
                        "nexthop", "opt_name")) {
                    if (random.nextInt(3) == 0) {
                        map.put(key, value(random, depth + 1));
                    }
                }
                yield map;
            }
        };
    }

    private static Map<String, Object> item(Random random, List<String> attributes, Map<String, Object> base) {
        Map<String, Object> item = new HashMap<>(base);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            item.put(attributes.get(random.nextInt(attributes.size())), value(random, 0));
        }
        return item;
    }

    private static void noServerError(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyValueInAnyAttributeIsAnsweredWithoutAServerError(long seed) {
        Random random = new Random(seed);
        for (ApiClient client : List.of(server.admin(), server.member("u", "p-fuzz"))) {
            for (int i = 0; i < 25; i++) {
                noServerError(client.post("/v2.0/networks", Map.of("network", item(random, NETWORK, Map.of()))));
                noServerError(client.put("/v2.0/networks/" + network, Map.of("network",
                        item(random, NETWORK, Map.of()))));
                noServerError(client.post("/v2.0/subnets", Map.of("subnet", item(random, SUBNET,
                        Map.of("network_id", network, "ip_version", 4, "cidr", "10.98." + random.nextInt(255) + ".0/24")))));
                noServerError(client.put("/v2.0/subnets/" + subnet, Map.of("subnet", item(random,
                        List.of("name", "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp"),
                        Map.of()))));
                noServerError(client.post("/v2.0/ports", Map.of("port", item(random, PORT, Map.of("network_id", network)))));
                noServerError(client.put("/v2.0/ports/" + port, Map.of("port", item(random, PORT, Map.of()))));
                noServerError(client.get("/v2.0/ports?fixed_ips=" + List.of("ip_address=1", "x", "subnet_id=")
                        .get(random.nextInt(3)) + "&sort_key=" + List.of("name", "id", "nope").get(random.nextInt(3))));
            }
        }
    }
}
