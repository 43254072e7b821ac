package dev.overcast.network.ports;

import java.util.List;

/** A port with its addresses and security groups: everything its view shows. */
public record Port(PortRow row, List<FixedIp> fixedIps, List<String> securityGroups) {
    public Port {
        fixedIps = List.copyOf(fixedIps);
        securityGroups = List.copyOf(securityGroups);
    }

    public String id() {
        return row.id();
    }
}
