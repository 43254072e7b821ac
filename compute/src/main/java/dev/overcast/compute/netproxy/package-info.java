/**
 * Nova's network proxy APIs, deprecated in 2.36 and still used by older clients and Tempest:
 * {@code os-security-groups}, {@code os-security-group-rules}, {@code os-networks},
 * {@code os-tenant-networks}, {@code os-floating-ips} and {@code os-floating-ip-pools}. Each reads
 * and writes the Network service's resources with the caller's token and shows them in Nova's
 * shapes, with Nova's status codes and messages where they differ from Network's.
 */
package dev.overcast.compute.netproxy;
