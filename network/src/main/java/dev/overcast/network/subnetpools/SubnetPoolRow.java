package dev.overcast.network.subnetpools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.json.Json;
import dev.overcast.network.ipam.Cidr;

/**
 * A subnet pool as stored.
 *
 * @param prefixes a JSON list of normalized CIDRs
 */
public record SubnetPoolRow(String id, String name, String projectId, int ipVersion, String prefixes,
                            int defaultPrefixlen, int minPrefixlen, int maxPrefixlen, boolean shared,
                            boolean isDefault, String description, Instant createdAt, Instant updatedAt,
                            long revisionNumber) {

    List<Cidr> cidrs() {
        List<Cidr> out = new ArrayList<>();
        Json.parse(prefixes).forEach(p -> out.add(Cidr.parse(p.asString()).orElseThrow().normalized()));
        return out;
    }
}
