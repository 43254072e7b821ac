package dev.overcast.network.subnets;

import java.util.HashMap;
import java.util.Map;

import dev.overcast.network.networks.NetworkAccess;
import dev.overcast.network.networks.NetworkRow;

/** A subnet as policy rules see it: its owner and its network's owner, sharing and externality. */
final class SubnetAccess {
    private SubnetAccess() {
    }

    static Map<String, Object> target(SubnetRow s, NetworkRow n) {
        Map<String, Object> t = new HashMap<>();
        t.put("id", s.id());
        t.put("project_id", s.projectId());
        t.put("tenant_id", s.projectId());
        return NetworkAccess.withNetwork(t, n);
    }
}
