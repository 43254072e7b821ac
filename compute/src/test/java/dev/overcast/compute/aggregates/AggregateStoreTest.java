package dev.overcast.compute.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.testkit.MutableClock;

class AggregateStoreTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private final MutableClock clock = MutableClock.startingNow();

    private AggregateStore store() {
        return new AggregateStore(server.context().api(), clock, Duration.ofSeconds(10));
    }

    @Test
    void theSchedulerSeesEveryAggregateWithItsMetadataAndEachHostsAggregates() {
        AggregateStore store = store();
        HostAggregate ssd = store.create("store-ssd", null);
        store.setMetadata(ssd.id(), Map.of("ssd", "true"), hosts -> false);
        store.addHost(ssd.id(), "store-h1");
        HostAggregate zone = store.create("store-zone", "store-az");
        store.addHost(zone.id(), "store-h1");
        store.addHost(zone.id(), "store-h2");

        assertThat(store.all()).extracting(Aggregate::uuid).contains(ssd.uuid(), zone.uuid());
        Aggregate viewed = store.all().stream().filter(a -> a.uuid().equals(ssd.uuid())).findFirst().orElseThrow();
        assertThat(viewed.name()).isEqualTo("store-ssd");
        assertThat(viewed.id()).isEqualTo((int) ssd.id());
        assertThat(viewed.metadata()).containsEntry("ssd", "true");
        assertThat(store.aggregatesOf("store-h1")).extracting(Aggregate::uuid)
                .containsExactly(ssd.uuid(), zone.uuid());
        assertThat(store.aggregatesOf("store-h2")).extracting(Aggregate::availabilityZone).containsExactly("store-az");
        assertThat(store.aggregatesOf("store-nowhere")).isEmpty();
        assertThat(store.availabilityZoneOf("store-h1")).contains("store-az");
        assertThat(store.availabilityZoneOf("store-nowhere")).isEmpty();
    }

    @Test
    void aStoreSeesItsOwnWritesAtOnceAndAnotherStoresAfterItsSnapshotAges() {
        AggregateStore writer = store();
        AggregateStore other = store();
        HostAggregate a = writer.create("store-cache", null);
        writer.addHost(a.id(), "cache-h1");
        assertThat(writer.availabilityZoneOf("cache-h1")).isEmpty();
        assertThat(other.availabilityZoneOf("cache-h1")).isEmpty();

        writer.setMetadata(a.id(), Map.of("availability_zone", "cache-az"), hosts -> false);
        assertThat(writer.availabilityZoneOf("cache-h1")).contains("cache-az");
        // The other store (another process, say) holds its snapshot until it is older than its max age.
        assertThat(other.availabilityZoneOf("cache-h1")).isEmpty();
        clock.advance(Duration.ofSeconds(11));
        assertThat(other.availabilityZoneOf("cache-h1")).contains("cache-az");

        writer.removeHost(a.id(), "cache-h1");
        assertThat(writer.aggregatesOf("cache-h1")).isEmpty();
        other.invalidate();
        assertThat(other.aggregatesOf("cache-h1")).isEmpty();
    }

    @Test
    void aDeletedAggregateLeavesTheSchedulersView() {
        AggregateStore store = store();
        HostAggregate a = store.create("store-deleted", null);
        assertThat(store.all()).extracting(Aggregate::uuid).contains(a.uuid());
        store.delete(a.id());
        assertThat(store.all()).extracting(Aggregate::uuid).doesNotContain(a.uuid());
        assertThat(store.find(a.id())).isEmpty();
    }

    @Test
    void aHostInSeveralZonesHasThemJoinedAsNovaJoinsThem() {
        // The API forbids it, but rows written around it (or by an older release) must still read.
        AggregateStore store = store();
        HostAggregate b = store.create("store-zone-b", "zone-b");
        HostAggregate a = store.create("store-zone-a", null);
        store.addHost(b.id(), "multi-h");
        store.addHost(a.id(), "multi-h");
        server.context().api().useHandle(h -> h.createUpdate("insert into aggregate_metadata "
                        + "(aggregate_id, meta_key, meta_value, created_at) values (:id, 'availability_zone', 'zone-a', :now)")
                .bind("id", a.id()).bind("now", clock.instant()).execute());
        store.invalidate();
        assertThat(store.availabilityZoneOf("multi-h")).contains("zone-a,zone-b");
    }

    @Test
    void aDeletedServicesHostLeavesEveryAggregate() {
        AggregateStore store = store();
        HostAggregate a = store.create("store-leave-a", "leave-az");
        HostAggregate b = store.create("store-leave-b", null);
        store.addHost(a.id(), "leaving");
        store.addHost(b.id(), "leaving");
        store.addHost(b.id(), "staying");
        assertThat(store.removeHostFromAll("leaving")).extracting(HostAggregate::id).containsExactly(a.id(), b.id());
        assertThat(store.aggregatesOf("leaving")).isEmpty();
        assertThat(store.availabilityZoneOf("leaving")).isEmpty();
        assertThat(store.find(b.id()).orElseThrow().hosts()).containsExactly("staying");
    }
}
