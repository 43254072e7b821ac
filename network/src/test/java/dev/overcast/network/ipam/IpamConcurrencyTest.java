package dev.overcast.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;

/** The IPAM's promise over HTTP: never one address twice, and upstream's error when a subnet is full. */
class IpamConcurrencyTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    @Test
    void twoHundredConcurrentPortsOnASlash24GetDistinctAddressesAndThe254thIsRefused() throws Exception {
        ApiClient member = server.member("u", "p-ipam");
        String net = member.post("/v2.0/networks", Map.of("network", Map.of("name", "busy")))
                .json().at("/network/id").asString();
        var subnet = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "ip_version", 4,
                "cidr", "192.168.50.0/24")));
        assertThat(subnet.json().at("/subnet/gateway_ip").asString()).isEqualTo("192.168.50.1");
        List<ApiClient.Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiClient.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net)))));
            }
            for (Future<ApiClient.Reply> f : futures) {
                replies.add(f.get());
            }
        }
        Set<String> addresses = new HashSet<>();
        for (ApiClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            addresses.add(reply.json().at("/port/fixed_ips/0/ip_address").asString());
        }
        assertThat(addresses).hasSize(200).doesNotContain("192.168.50.1", "192.168.50.0", "192.168.50.255");
        // 253 addresses in all: .2 to .254.
        for (int i = 200; i < 253; i++) {
            var reply = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net)));
            assertThat(reply.status()).as("port %d: %s", i + 1, reply).isEqualTo(201);
            addresses.add(reply.json().at("/port/fixed_ips/0/ip_address").asString());
        }
        assertThat(addresses).hasSize(253);
        var full = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net)));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().at("/NeutronError/type").asString()).isEqualTo("IpAddressGenerationFailure");
        assertThat(full.json().at("/NeutronError/message").asString())
                .isEqualTo("No more IP addresses available on network " + net + ".");
        int rows = server.jdbi().withHandle(h -> h.createQuery(
                "select count(distinct ip_address) from ip_allocations where network_id = :n").bind("n", net)
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(253);
    }
}
