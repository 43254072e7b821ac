package dev.overcast.network.subnets;

import java.util.Objects;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.networks.NetworkStore;

/**
 * Creates subnets inside the caller's transaction: under the network's row lock (so two subnets
 * racing onto one network see each other) it refuses an overlapping CIDR and checks the quota.
 * Policy is the caller's business.
 */
public final class SubnetWriter {
    private final NetworkContext ctx;
    private final QuotaCheck quotas;

    public SubnetWriter(NetworkContext ctx, QuotaCheck quotas) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    public SubnetRow create(Handle h, SubnetSpec spec) {
        NetworkStore.lock(h, spec.networkId()).orElseThrow(() -> NeutronErrors.notFound("Network", spec.networkId()));
        for (SubnetRow other : SubnetStore.ofNetwork(h, spec.networkId())) {
            if (other.network().overlaps(spec.cidr())) {
                throw NeutronErrors.invalidInput("Requested subnet with cidr: " + spec.cidr() + " for network: "
                        + spec.networkId() + " overlaps with another subnet");
            }
        }
        quotas.check(h, spec.projectId(), "subnet", 1);
        var now = ctx.clock().instant();
        SubnetRow s = new SubnetRow(UUID.randomUUID().toString(), spec.name(), spec.networkId(), spec.projectId(),
                spec.cidr().version(), spec.cidr().toString(),
                spec.gateway() == null ? null : spec.gateway().toString(), spec.enableDhcp(), spec.ipv6RaMode(),
                spec.ipv6AddressMode(), SubnetShape.poolsJson(spec.pools()), Json.write(spec.dnsNameservers()),
                spec.hostRoutes(), spec.description(), now, now, 0, spec.subnetpoolId());
        SubnetStore.insert(h, s);
        return s;
    }
}
