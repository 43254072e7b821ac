package dev.overcast.compute.network;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.instances.Instance;

/**
 * The networking steps of an instance's workflows: before a spawn its ports are made and bound
 * to its host and its info cache written; after a delete they are released. Both read what the
 * create asked for from the instance's system metadata, so either can run again after a crash.
 */
public final class InstanceNetworking {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceNetworking.class);

    private final Networks networks;
    private final Clock clock;

    public InstanceNetworking(Networks networks, Clock clock) {
        this.networks = networks;
        this.clock = clock;
    }

    /**
     * Makes and binds the instance's ports on its host and caches what they are.
     *
     * @param cellDb the instance's cell
     * @throws Networks.NetworkFailure when a port cannot be made; the build fails with its message
     */
    public void allocate(Jdbi cellDb, Instance instance) {
        List<NetworkRequest> requests = NetworkRequest.read(instance.systemMetadata().get(NetworkRequest.KEY));
        if (requests.isEmpty()) {
            return;
        }
        String groups = instance.systemMetadata().getOrDefault(NetworkRequest.GROUPS_KEY, "");
        NetworkInfo info = networks.allocate(
                new Networks.Binding(instance.uuid(), instance.projectId(), instance.host(), instance.availabilityZone()),
                requests, groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")));
        InfoCacheStore cache = new InfoCacheStore(cellDb);
        // Interfaces attached later are in the cache, not in the create's requests: keep them.
        NetworkInfo merged = info;
        for (NetworkInfo.Vif attached : cache.get(instance.uuid()).vifs()) {
            if (info.vifs().stream().noneMatch(v -> v.portId().equals(attached.portId()))) {
                merged = merged.with(attached);
            }
        }
        cache.put(instance.uuid(), merged, clock.instant());
    }

    /**
     * Reads the instance's ports from Network again and caches them: Network's
     * {@code network-changed} event (a floating IP associated, a port's addresses changed).
     */
    public void refresh(Jdbi cellDb, Instance instance) {
        Set<String> given = given(cellDb, instance);
        new InfoCacheStore(cellDb).put(instance.uuid(), networks.refresh(instance.uuid(), given), clock.instant());
    }

    /** The ports the user gave the instance, at create or by attaching them: kept when it goes. */
    private static Set<String> given(Jdbi cellDb, Instance instance) {
        Set<String> given = new HashSet<>();
        NetworkRequest.read(instance.systemMetadata().get(NetworkRequest.KEY)).forEach(r -> {
            if (r.portId() != null) {
                given.add(r.portId());
            }
        });
        new InfoCacheStore(cellDb).get(instance.uuid()).vifs().stream().filter(NetworkInfo.Vif::preserve)
                .forEach(v -> given.add(v.portId()));
        return given;
    }

    /**
     * Unbinds the instance's ports from its host when it is shelved and offloaded, as Nova does;
     * a spawn on unshelve binds them again. A Network service that fails is logged, not fatal.
     */
    public void unbind(Instance instance) {
        try {
            networks.unbind(instance.uuid());
        } catch (Networks.NetworkFailure e) {
            LOG.warn("unbinding the ports of {} failed; it is offloaded anyway: {}", instance.uuid(), e.getMessage());
        }
    }

    /**
     * Deletes the ports made for the instance and unbinds the ones it was given. A Network
     * service that fails is logged, not fatal: the instance is deleted all the same, as Nova does.
     */
    public void release(Jdbi cellDb, Instance instance) {
        Set<String> given = given(cellDb, instance);
        NetworkInfo cached = new InfoCacheStore(cellDb).get(instance.uuid());
        if (given.isEmpty() && cached.vifs().isEmpty()
                && !instance.systemMetadata().containsKey(NetworkRequest.KEY)) {
            return;
        }
        try {
            networks.deallocate(instance.uuid(), given);
            new InfoCacheStore(cellDb).put(instance.uuid(), NetworkInfo.EMPTY, clock.instant());
        } catch (Networks.NetworkFailure e) {
            LOG.warn("releasing the ports of {} failed; the server is deleted anyway: {}", instance.uuid(),
                    e.getMessage());
        }
    }
}
