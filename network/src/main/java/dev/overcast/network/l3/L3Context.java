package dev.overcast.network.l3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.overcast.network.NetworkContext;
import dev.overcast.network.QuotaCheck;

/** What the l3 feature's parts share: the network context and the neighbours it calls. */
record L3Context(NetworkContext network, L3Ports ports, QuotaCheck quotas) {

    /** Now, to the second, as Neutron's timestamps show it. */
    Instant now() {
        return network.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
