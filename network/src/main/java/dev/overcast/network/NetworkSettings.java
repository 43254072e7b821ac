package dev.overcast.network;

import java.util.Objects;

/**
 * Network's options.
 *
 * @param baseMac          the first three octets of every port's MAC address, as Neutron's
 *                         {@code base_mac} (default {@code fa:16:3e:00:00:00}; the rest is random)
 * @param globalMtu        the MTU of networks that name none (default 1500, Neutron's
 *                         {@code global_physnet_mtu})
 * @param maxLimit         the most items one list page may hold (default 1000); Neutron pages only
 *                         when asked
 * @param dnsDomain        the domain of ports' {@code dns_assignment} (default {@code openstacklocal.})
 */
public record NetworkSettings(String baseMac, int globalMtu, int maxLimit, String dnsDomain) {
    public NetworkSettings {
        Objects.requireNonNull(baseMac, "baseMac");
        if (!baseMac.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
            throw new IllegalArgumentException("baseMac must look like fa:16:3e:00:00:00, not " + baseMac);
        }
        if (globalMtu < 68) {
            throw new IllegalArgumentException("globalMtu must be at least 68, not " + globalMtu);
        }
        if (maxLimit < 1) {
            throw new IllegalArgumentException("maxLimit must be positive, not " + maxLimit);
        }
        Objects.requireNonNull(dnsDomain, "dnsDomain");
    }

    public static NetworkSettings defaults() {
        return new NetworkSettings("fa:16:3e:00:00:00", 1500, 1000, "openstacklocal.");
    }
}
