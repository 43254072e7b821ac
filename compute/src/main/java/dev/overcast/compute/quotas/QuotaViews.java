package dev.overcast.compute.quotas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** What the quota APIs show per microversion, and their query checks. */
final class QuotaViews {
    private QuotaViews() {
    }

    /** The resources a quota set leaves out: network ones from 2.36, personality files from 2.57. */
    static List<String> hiddenFromQuotaSets(Request req) {
        List<String> hidden = new ArrayList<>();
        if (req.versionAtLeast(2, 36)) {
            hidden.addAll(QuotaResources.NETWORK);
        }
        if (req.versionAtLeast(2, 57)) {
            hidden.addAll(QuotaResources.INJECTED);
        }
        return hidden;
    }

    /**
     * The resources a quota class set leaves out: before 2.50 the server group ones (a v2.1
     * bug), from 2.50 the network ones, from 2.57 the personality files too.
     */
    static List<String> hiddenFromQuotaClasses(Request req) {
        List<String> hidden = new ArrayList<>();
        if (!req.versionAtLeast(2, 50)) {
            hidden.addAll(List.of("server_groups", "server_group_members"));
        } else {
            hidden.addAll(QuotaResources.NETWORK);
        }
        if (req.versionAtLeast(2, 57)) {
            hidden.addAll(QuotaResources.INJECTED);
        }
        return hidden;
    }

    /** {@code {"<wrapper>": {"id": ..., "<resource>": <value>, ...}}}, in Nova's resource order. */
    static ObjectNode set(String wrapper, String id, Map<String, ?> values, List<String> hidden) {
        ObjectNode out = Json.object();
        ObjectNode set = out.putObject(wrapper);
        if (id != null) {
            set.put("id", id);
        }
        for (String resource : QuotaResources.DEFAULTS.keySet()) {
            Object value = values.get(resource);
            if (value == null || hidden.contains(resource)) {
                continue;
            }
            if (value instanceof Quotas.Detail d) {
                set.putObject(resource).put("in_use", d.inUse()).put("limit", d.limit()).put("reserved", 0);
            } else {
                set.put(resource, ((Number) value).longValue());
            }
        }
        return out;
    }

    /** From 2.75 a query parameter the API does not take is a 400. */
    static void strictQuery(Request req, Set<String> allowed) {
        if (!req.versionAtLeast(2, 75)) {
            return;
        }
        for (String name : req.queryParams().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
    }
}
