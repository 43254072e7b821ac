package dev.overcast.network.secgroups;

import java.time.Instant;

/**
 * One security group rule as stored. Public only so that JDBI can bind its accessors; nothing
 * outside this package uses it.
 *
 * @param remoteIpPrefix normalized as {@link IpPrefix#text()}, host bits kept; null for none
 */
public record RuleRow(String id, String securityGroupId, String projectId, String direction, String ethertype,
               String protocol, Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix,
               String remoteGroupId, String description, Instant createdAt, Instant updatedAt,
               long revisionNumber) {

    /** Neutron's {@code normalized_cidr}: the prefix without host bits. */
    public String normalizedCidr() {
        return remoteIpPrefix == null ? null : IpPrefix.parse(remoteIpPrefix).cidr();
    }

    public String key() {
        return RuleSpec.key(securityGroupId, direction, ethertype, protocol, portRangeMin, portRangeMax,
                normalizedCidr(), remoteGroupId);
    }
}
