package dev.overcast.placement.providers;

import java.util.Map;
import java.util.TreeMap;

import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How providers and inventories look on the wire, per microversion. */
final class ProviderView {
    private ProviderView() {
    }

    /** The path part of the service URL ({@code /placement}): upstream's links are relative to the mount point. */
    static String linkPrefix(Request req) {
        return java.net.URI.create(req.serviceUrl()).getPath();
    }

    static ObjectNode provider(Provider p, ApiVersion v, String prefix) {
        ObjectNode out = Json.object();
        out.put("uuid", p.uuid());
        out.put("name", p.name());
        out.put("generation", p.generation());
        if (v.isAtLeast(new ApiVersion(1, 14))) {
            out.put("parent_provider_uuid", p.parentUuid());
            out.put("root_provider_uuid", p.rootUuid());
        }
        String self = prefix + "/resource_providers/" + p.uuid();
        ArrayNode links = out.putArray("links");
        links.addObject().put("rel", "self").put("href", self);
        links.addObject().put("rel", "inventories").put("href", self + "/inventories");
        links.addObject().put("rel", "usages").put("href", self + "/usages");
        if (v.isAtLeast(new ApiVersion(1, 1))) {
            links.addObject().put("rel", "aggregates").put("href", self + "/aggregates");
        }
        if (v.isAtLeast(new ApiVersion(1, 6))) {
            links.addObject().put("rel", "traits").put("href", self + "/traits");
        }
        if (v.isAtLeast(new ApiVersion(1, 11))) {
            links.addObject().put("rel", "allocations").put("href", self + "/allocations");
        }
        return out;
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
