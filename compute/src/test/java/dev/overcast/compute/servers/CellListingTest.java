package dev.overcast.compute.servers;

import static dev.overcast.compute.servers.ServerLifecycleTest.create;
import static dev.overcast.compute.servers.ServerLifecycleTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Servers spread over two cells are listed as one: merge-sorted, and paged with markers from either cell. */
class CellListingTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hostsInTwoCells() {
        server.startAgent("cell1", FakeDriver.builder().hosts("alpha", 1).clock(server.context().clock()).build());
        server.startAgent("cell2", FakeDriver.builder().hosts("beta", 1).clock(server.context().clock()).build());
    }

    @Test
    void pagesWalkThroughBothCellsNewestFirst() {
        ApiClient client = server.member("u1", "p1", "2.96");
        // An admin of the project places them on the two hosts in turn.
        ApiClient admin = server.as("admin-user", "p1", "2.96", "admin", "member", "reader");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(create(admin, java.util.Map.of("server", java.util.Map.of("name", "spread-" + i,
                    "imageRef", dev.overcast.compute.TestImages.BOOTABLE, "flavorRef", "1", "networks", "none",
                    "availability_zone", "nova:" + (i % 2 == 0 ? "alpha1" : "beta1")))));
        }
        created.forEach(id -> waitFor(client, id, "ACTIVE"));
        Set<String> hosts = new HashSet<>();
        for (String id : created) {
            hosts.add(server.admin("2.96").get("/v2.1/servers/" + id).json().at("/server/OS-EXT-SRV-ATTR:host")
                    .asString());
        }
        assertThat(hosts).as("the servers are in both cells").containsExactlyInAnyOrder("alpha1", "beta1");

        List<String> paged = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < 10; page++) {
            Reply r = client.get("/v2.1/servers/detail?limit=2" + (marker == null ? "" : "&marker=" + marker));
            JsonNode servers = r.json().path("servers");
            servers.forEach(s -> paged.add(s.path("id").asString()));
            if (servers.size() < 2) {
                break;
            }
            marker = servers.get(servers.size() - 1).path("id").asString();
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        List<Instant> times = new ArrayList<>();
        for (String id : paged) {
            times.add(Instant.parse(client.get("/v2.1/servers/" + id).json().at("/server/created").asString()));
        }
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
    }
}
