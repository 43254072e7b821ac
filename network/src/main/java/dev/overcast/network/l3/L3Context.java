package dev.overcast.network.l3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.overcast.network.NetworkContext;
import dev.overcast.network.PortEvents;
import dev.overcast.network.QuotaCheck;

/**
 * What the l3 feature's parts share: the network context and the neighbours it calls.
 *
 * @param compute told when a server's port gains or loses a floating IP
 */
record L3Context(NetworkContext network, L3Ports ports, QuotaCheck quotas, PortEvents compute) {

    /** Now, to the second, as Neutron's timestamps show it. */
    Instant now() {
        return network.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
