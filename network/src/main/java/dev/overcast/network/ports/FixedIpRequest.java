package dev.overcast.network.ports;

import dev.overcast.network.ipam.IpAddress;

/**
 * One entry of a request's {@code fixed_ips}: a subnet, an address, or both.
 *
 * @param subnetId  null for "the subnet of this address"
 * @param ipAddress null for "any free address of this subnet"
 */
public record FixedIpRequest(String subnetId, IpAddress ipAddress) {
}
