package dev.overcast.compute.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;

class PlacementAggregateSyncTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static CellRows rows;
    static ApiClient placement;

    @BeforeAll
    static void start() {
        rows = new CellRows(server);
        placement = server.placementAdmin();
    }

    private static List<String> aggregatesOf(String provider) {
        List<String> out = new ArrayList<>();
        placement.get("/resource_providers/" + provider + "/aggregates").json().get("aggregates")
                .forEach(a -> out.add(a.asString()));
        return out;
    }

    private static void report(String host, String node) {
        assertThat(placement.post("/resource_providers", Map.of("name", node, "uuid", node)).status()).isEqualTo(200);
    }

    @Test
    void aNodeReportedAfterItsHostJoinedIsPutInTheAggregateByASync() {
        AggregateStore store = new AggregateStore(server.context());
        PlacementAggregateSync sync = new PlacementAggregateSync(server.context(), store);
        rows.compute("cell1", "sync-h1");
        String node = rows.node("cell1", "sync-h1");
        HostAggregate a = store.create("sync-a", null);
        HostAggregate b = store.create("sync-b", null);
        store.addHost(a.id(), "sync-h1");
        store.addHost(b.id(), "sync-h1");
        report("sync-h1", node);
        assertThat(aggregatesOf(node)).isEmpty();

        sync.syncHost("sync-h1");
        assertThat(aggregatesOf(node)).containsExactlyInAnyOrder(a.uuid(), b.uuid());
        sync.syncHost("sync-nowhere");
    }

    @Test
    void aFullSyncCoversEveryAggregatedHostAndNamesNodesPlacementLacks() {
        AggregateStore store = new AggregateStore(server.context());
        rows.compute("cell2", "sync-h2");
        String reported = rows.node("cell2", "sync-h2");
        String unreported = rows.node("cell2", "sync-h2");
        HostAggregate c = store.create("sync-c", null);
        store.addHost(c.id(), "sync-h2");
        report("sync-h2", reported);

        PlacementAggregateSync.Result result = new PlacementAggregateSync(server.context(), store).syncAll();
        assertThat(aggregatesOf(reported)).contains(c.uuid());
        assertThat(result.unknownProviders()).contains(unreported);
        assertThat(result.aggregates()).isGreaterThanOrEqualTo(1);
    }
}
