package dev.overcast.compute;

import java.util.Optional;

import dev.overcast.compute.aggregates.AggregateStore;
import dev.overcast.compute.conductor.ComputeHosts;
import dev.overcast.compute.conductor.ServerGroups;
import dev.overcast.compute.flavors.Flavor;
import dev.overcast.compute.flavors.FlavorStore;
import dev.overcast.compute.groups.ServerGroupStore;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.instances.InstanceLocator;
import dev.overcast.compute.keypairs.KeyPair;
import dev.overcast.compute.keypairs.KeyPairStore;
import dev.overcast.compute.quotas.QuotaEnforcer;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.ServerGroup;
import dev.overcast.compute.servers.ServerNeighbours;
import dev.overcast.compute.zones.AvailabilityZones;

/**
 * The servers API's and the conductor's neighbours, made from Compute's own features: flavors,
 * key pairs, quotas, server groups, zones and host liveness. Only images (the Image service)
 * and allocations (Placement) come from outside.
 */
final class ModuleNeighbours {
    private ModuleNeighbours() {
    }

    static ServerNeighbours forServers(ComputeContext ctx, AggregateStore aggregates, ServerGroupStore groups,
                                       ServerNeighbours.Images images, ComputeHosts hosts,
                                       PlacementClient placement) {
        FlavorStore flavors = new FlavorStore(ctx);
        KeyPairStore keys = new KeyPairStore(ctx);
        QuotaEnforcer quotas = new QuotaEnforcer(ctx);
        AvailabilityZones zones = new AvailabilityZones(ctx, aggregates);
        return new ServerNeighbours(
                (ref, project) -> flavors.find(ref).filter(f -> !f.disabled() && flavors.accessibleTo(f, project))
                        .map(ModuleNeighbours::instanceFlavor),
                (user, name) -> keys.find(user, name).map(KeyPair::publicKey),
                quotas::check,
                images,
                new ServerNeighbours.Groups() {
                    @Override
                    public Optional<String> policy(String groupUuid, String projectId) {
                        return groups.policy(groupUuid, projectId);
                    }

                    @Override
                    public void addMember(String groupUuid, String instanceUuid) {
                        groups.addMember(groupUuid, instanceUuid);
                    }

                    @Override
                    public java.util.List<String> groupsOf(String instanceUuid) {
                        return groups.groupsOf(instanceUuid);
                    }
                },
                new ServerNeighbours.Zones() {
                    @Override
                    public boolean exists(String zone) {
                        return zones.exists(zone);
                    }

                    @Override
                    public String of(String host) {
                        return zones.zoneOf(host);
                    }
                },
                host -> hosts.isUp(host) ? "UP" : "DOWN",
                placement::release);
    }

    static ServerGroups forConductor(ComputeContext ctx, ServerGroupStore groups) {
        InstanceLocator locator = new InstanceLocator(ctx);
        return new ServerGroups() {
            @Override
            public Optional<ServerGroup> forScheduling(String groupUuid) {
                return groups.schedulerGroup(groupUuid, uuid -> locator.hostOf(uuid).orElse(null));
            }

            @Override
            public void removeMember(String instanceUuid) {
                groups.removeMember(instanceUuid);
            }
        };
    }

    static InstanceFlavor instanceFlavor(Flavor f) {
        return new InstanceFlavor(f.flavorId(), f.name(), f.vcpus(), f.memoryMb(), f.rootGb(), f.ephemeralGb(),
                f.swap(), f.rxtxFactor(), f.extraSpecs());
    }
}
