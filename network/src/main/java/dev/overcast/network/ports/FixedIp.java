package dev.overcast.network.ports;

/** One address of a port, as {@code fixed_ips} shows it. */
public record FixedIp(String subnetId, String ipAddress) {
}
