package dev.overcast.network.ports;

/**
 * An allowed address pair: traffic from {@code ipAddress} (an address or a CIDR) with
 * {@code macAddress} may leave the port although it is not the port's own.
 *
 * @param macAddress null when the client gave none (the port's own MAC is shown)
 */
public record AddressPair(String ipAddress, String macAddress) {
}
