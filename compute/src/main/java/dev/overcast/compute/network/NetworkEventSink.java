package dev.overcast.compute.network;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.admin.InstanceEventSink;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.InstanceStore;

/**
 * Network's events about servers' ports ({@code network-changed}, {@code network-vif-deleted}):
 * the server's info cache is read again from Network, in the background, as Nova's compute
 * host does, so {@code addresses} shows a floating IP soon after it is associated.
 */
public final class NetworkEventSink implements InstanceEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEventSink.class);
    private static final List<String> REFRESHING = List.of("network-changed", "network-vif-deleted");

    private final ComputeContext ctx;
    private final InstanceNetworking networking;

    public NetworkEventSink(ComputeContext ctx) {
        this.ctx = ctx;
        this.networking = new InstanceNetworking(ctx.networks(), ctx.clock());
    }

    @Override
    public void deliver(String cellUuid, String host, List<InstanceEvent> events) {
        List<String> uuids = events.stream().filter(e -> REFRESHING.contains(e.name()))
                .map(InstanceEvent::instanceUuid).distinct().toList();
        if (uuids.isEmpty()) {
            return;
        }
        CellMapping cell = ctx.cells().byUuid(cellUuid).orElse(null);
        if (cell == null) {
            return;
        }
        Thread.ofVirtual().name("network-changed").start(() -> {
            InstanceStore store = new InstanceStore(ctx.cells().db(cell));
            for (String uuid : uuids) {
                try {
                    store.find(uuid).ifPresent(i -> networking.refresh(store.db(), i));
                } catch (RuntimeException e) {
                    LOG.warn("refreshing the network info of {} failed: {}", uuid, e.getMessage());
                }
            }
        });
    }
}
