package dev.overcast.network.ipam;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which address a port gets, from a snapshot of the subnet: its pools and the addresses
 * already taken (the gateway counts as taken). Pure, so that the IPAM's arithmetic is tested
 * without a database; {@link Ipam} reads the snapshot under the subnet's lock and writes the
 * choice.
 *
 * <p>The first free address of the first pool is chosen, as Neutron's built-in IPAM does in
 * effect (it picks from the free ranges in order). Walking from the start of each pool is cheap
 * because a walk never passes more addresses than are allocated.
 */
public final class AddressChooser {
    private AddressChooser() {
    }

    public static Optional<IpAddress> first(List<IpRange> pools, Set<IpAddress> taken) {
        for (IpRange pool : pools) {
            IpAddress candidate = pool.first();
            while (pool.contains(candidate)) {
                if (!taken.contains(candidate)) {
                    return Optional.of(candidate);
                }
                if (candidate.equals(pool.last())) {
                    break;
                }
                candidate = candidate.plus(1);
            }
        }
        return Optional.empty();
    }
}
