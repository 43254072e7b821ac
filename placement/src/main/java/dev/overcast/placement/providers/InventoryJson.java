package dev.overcast.placement.providers;

import java.util.Map;
import java.util.TreeMap;

import dev.overcast.core.json.Json;
import dev.overcast.placement.model.Inventory;
import tools.jackson.databind.node.ObjectNode;

/** How inventories look on the wire. */
final class InventoryJson {
    private InventoryJson() {
    }

    static ObjectNode inventory(Inventory i) {
        ObjectNode out = Json.object();
        out.put("total", i.total());
        out.put("reserved", i.reserved());
        out.put("min_unit", i.minUnit());
        out.put("max_unit", i.maxUnit());
        out.put("step_size", i.stepSize());
        out.put("allocation_ratio", i.allocationRatio());
        return out;
    }

    static ObjectNode inventories(Map<String, Inventory> inventories, long generation) {
        ObjectNode out = Json.object();
        ObjectNode all = out.putObject("inventories");
        new TreeMap<>(inventories).forEach((rc, i) -> all.set(rc, inventory(i)));
        out.put("resource_provider_generation", generation);
        return out;
    }
}
