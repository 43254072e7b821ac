package dev.overcast.compute.placement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.RemoteError;

/**
 * How Compute tells Placement about its nodes, Nova's report client over the bus: resource
 * providers for compute nodes, their inventories and traits. Placement serves these on topic
 * {@code placement} (version 1.1) with its REST API's rules; its {@code rpc} package declares
 * the same message shapes.
 *
 * <p>Writes are generation-safe: a write names the generation this client last saw, and when
 * someone changed the provider in between, Placement refuses it as retryable; the client reads
 * the generation again and retries, a few times, as Nova's report client does on a 409.
 */
public final class BusReportClient {
    static final Method ENSURE = Method.of("ensure_provider", "1.1");
    static final Method SET_INVENTORY = Method.of("set_inventory", "1.1");
    static final Method SET_TRAITS = Method.of("set_traits", "1.1");
    static final Method DELETE = Method.of("delete_provider", "1.1");
    static final Method SYNC = Method.of("sync_providers", "1.1");
    /** Reports per sync message: enough to make a thousand hosts a handful of calls. */
    static final int SYNC_BATCH = 250;
    private static final int ATTEMPTS = 4;

    public record EnsureProviderArgs(String uuid, String name, String parentUuid) {
    }

    /**
     * One resource class's inventory; a null amount takes Placement's default (reserved 0,
     * min_unit 1, max_unit 2^31-1, step_size 1, allocation_ratio 1.0).
     */
    public record InventoryArgs(long total, Long reserved, Long minUnit, Long maxUnit, Long stepSize,
                                Double allocationRatio) {
        /** {@code total} with a reserved amount and an allocation ratio, the rest defaults. */
        public static InventoryArgs of(long total, long reserved, double allocationRatio) {
            return new InventoryArgs(total, reserved, null, null, null, allocationRatio);
        }
    }

    public record SetInventoryArgs(String uuid, Long generation, Map<String, InventoryArgs> inventories) {
    }

    public record SetTraitsArgs(String uuid, Long generation, Set<String> traits) {
    }

    public record DeleteProviderArgs(String uuid) {
    }

    public record ProviderReply(String uuid, long generation) {
    }

    /**
     * What one provider should be.
     *
     * @param name         its name, to create it if it is missing; null to only update one that exists
     * @param inventories  every inventory it should have, or null to leave its inventories alone
     * @param addTraits    traits it should have (it keeps others)
     * @param removeTraits traits it should not have
     */
    public record ProviderReport(String uuid, String name, Map<String, InventoryArgs> inventories,
                                 Set<String> addTraits, Set<String> removeTraits) {
    }

    public record SyncProvidersArgs(List<ProviderReport> providers) {
    }

    /** One provider's outcome: its generation, or (generation -1) why it was refused. */
    public record SyncResult(String uuid, long generation, String error, boolean retryable) {
        public boolean ok() {
            return error == null;
        }
    }

    public record SyncProvidersReply(List<SyncResult> results) {
    }

    private final Bus bus;
    private final Duration timeout;

    /** @param timeout how long one call may wait for Placement */
    public BusReportClient(Bus bus, Duration timeout) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Creates a root provider unless one of that uuid exists; returns its generation. */
    public long ensureProvider(String uuid, String name) {
        return call(ENSURE, new EnsureProviderArgs(uuid, name, null)).generation();
    }

    /** Replaces a provider's inventories, retrying on a concurrent change; returns the new generation. */
    public long setInventory(String uuid, long generation, Map<String, InventoryArgs> inventories) {
        long seen = generation;
        for (int attempt = 1; ; attempt++) {
            try {
                return call(SET_INVENTORY, new SetInventoryArgs(uuid, seen, inventories)).generation();
            } catch (RemoteError e) {
                if (!e.retryable() || attempt == ATTEMPTS) {
                    throw e;
                }
                seen = ensureProvider(uuid, null);
            }
        }
    }

    /** Replaces a provider's traits, retrying on a concurrent change; returns the new generation. */
    public long setTraits(String uuid, long generation, Set<String> traits) {
        long seen = generation;
        for (int attempt = 1; ; attempt++) {
            try {
                return call(SET_TRAITS, new SetTraitsArgs(uuid, seen, traits)).generation();
            } catch (RemoteError e) {
                if (!e.retryable() || attempt == ATTEMPTS) {
                    throw e;
                }
                seen = ensureProvider(uuid, null);
            }
        }
    }

    /** Deletes a provider; one that does not exist is fine. Refused while anything is allocated from it. */
    public void deleteProvider(String uuid) {
        bus.call(BusPlacementClient.PLACEMENT, DELETE, new DeleteProviderArgs(uuid), Void.class, timeout);
    }

    /**
     * Brings many providers to what is reported, in a few calls; a provider refused because
     * someone changed it at the same time is reported again once. Returns one result per
     * report, in order.
     */
    public List<SyncResult> sync(List<ProviderReport> reports) {
        List<SyncResult> out = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i += SYNC_BATCH) {
            List<ProviderReport> batch = reports.subList(i, Math.min(reports.size(), i + SYNC_BATCH));
            List<SyncResult> results = syncOnce(batch);
            List<ProviderReport> again = new ArrayList<>();
            for (int j = 0; j < results.size(); j++) {
                if (results.get(j).retryable()) {
                    again.add(batch.get(j));
                }
            }
            if (!again.isEmpty()) {
                var retried = syncOnce(again).iterator();
                results = results.stream().map(r -> r.retryable() ? retried.next() : r).toList();
            }
            out.addAll(results);
        }
        return out;
    }

    /**
     * Adds and removes traits on existing providers (leaving their inventories and other
     * traits), e.g. {@code COMPUTE_STATUS_DISABLED} when a compute service is disabled.
     */
    public List<SyncResult> updateTraits(Collection<String> uuids, Set<String> add, Set<String> remove) {
        return sync(uuids.stream().map(u -> new ProviderReport(u, null, null, add, remove)).toList());
    }

    private List<SyncResult> syncOnce(List<ProviderReport> batch) {
        return bus.call(BusPlacementClient.PLACEMENT, SYNC, new SyncProvidersArgs(List.copyOf(batch)),
                SyncProvidersReply.class, timeout).results();
    }

    private ProviderReply call(Method method, Object args) {
        return bus.call(BusPlacementClient.PLACEMENT, method, args, ProviderReply.class, timeout);
    }
}
