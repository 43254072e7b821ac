package dev.overcast.placement.candidates;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.candidates.AllocationCandidates.AllocationRequest;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code GET /allocation_candidates} body per microversion, streamed straight to bytes (a
 * thousand candidates is a large body and the scheduler asks often):
 * <ul>
 * <li>{@code allocation_requests}: before 1.12 each is {@code {"allocations": [{"resource_provider":
 *     {"uuid"}, "resources"}]}}; from 1.12 {@code {"allocations": {uuid: {"resources"}}}}, plus
 *     {@code mappings} from 1.34;</li>
 * <li>{@code provider_summaries}: uuid → {@code resources} {class: {capacity, used}} (only the
 *     requested classes before 1.27), {@code traits} from 1.17, {@code parent_provider_uuid} and
 *     {@code root_provider_uuid} from 1.29.</li>
 * </ul>
 */
final class CandidateJson {
    private CandidateJson() {
    }

    static byte[] render(Result result, CandidateQuery query, ApiVersion v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + result.requests().size() * 200);
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeName("allocation_requests");
            g.writeStartArray();
            boolean dict = atLeast(v, 12);
            boolean mappings = atLeast(v, 34);
            for (AllocationRequest r : result.requests()) {
                if (dict) {
                    writeDict(g, r, mappings);
                } else {
                    writeList(g, r);
                }
            }
            g.writeEndArray();
            g.writeName("provider_summaries");
            writeSummaries(g, result.summaries(), requestedClasses(query), v);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static boolean atLeast(ApiVersion v, int minor) {
        return v.isAtLeast(new ApiVersion(1, minor));
    }

    private static void writeDict(JsonGenerator g, AllocationRequest r, boolean mappings) {
        g.writeStartObject();
        g.writeName("allocations");
        g.writeStartObject();
        for (Map.Entry<String, Map<String, Long>> e : r.allocations().entrySet()) {
            g.writeName(e.getKey());
            g.writeStartObject();
            g.writeName("resources");
            writeAmounts(g, e.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
        if (mappings) {
            g.writeName("mappings");
            g.writeStartObject();
            for (Map.Entry<String, List<String>> m : r.mappings().entrySet()) {
                g.writeName(m.getKey());
                g.writeStartArray();
                for (String uuid : m.getValue()) {
                    g.writeString(uuid);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeList(JsonGenerator g, AllocationRequest r) {
        g.writeStartObject();
        g.writeName("allocations");
        g.writeStartArray();
        for (Map.Entry<String, Map<String, Long>> e : r.allocations().entrySet()) {
            g.writeStartObject();
            g.writeName("resource_provider");
            g.writeStartObject();
            g.writeName("uuid");
            g.writeString(e.getKey());
            g.writeEndObject();
            g.writeName("resources");
            writeAmounts(g, e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAmounts(JsonGenerator g, Map<String, Long> amounts) {
        g.writeStartObject();
        for (Map.Entry<String, Long> a : amounts.entrySet()) {
            g.writeName(a.getKey());
            g.writeNumber(a.getValue().longValue());
        }
        g.writeEndObject();
    }

    /** The classes any group asks for: what summaries show before 1.27. */
    private static Set<String> requestedClasses(CandidateQuery query) {
        Set<String> out = new TreeSet<>();
        for (RequestGroup group : query.groups()) {
            out.addAll(group.resources().keySet());
        }
        return out;
    }

    private static void writeSummaries(JsonGenerator g, List<Provider> summaries, Set<String> requested, ApiVersion v) {
        boolean all = atLeast(v, 27);
        boolean traits = atLeast(v, 17);
        boolean nested = atLeast(v, 29);
        g.writeStartObject();
        for (Provider p : summaries) {
            g.writeName(p.uuid());
            g.writeStartObject();
            g.writeName("resources");
            g.writeStartObject();
            Map<String, Inventory> inventories = p.inventories();
            Iterable<String> classes = inventories.size() > 1 ? new TreeMap<>(inventories).keySet()
                    : inventories.keySet();
            for (String rc : classes) {
                if (!all && !requested.contains(rc)) {
                    continue;
                }
                g.writeName(rc);
                g.writeStartObject();
                g.writeName("capacity");
                g.writeNumber(inventories.get(rc).capacity());
                g.writeName("used");
                g.writeNumber(p.used(rc));
                g.writeEndObject();
            }
            g.writeEndObject();
            if (traits) {
                g.writeName("traits");
                g.writeStartArray();
                Iterable<String> names = p.traits().size() > 1 ? new TreeSet<>(p.traits()) : p.traits();
                for (String t : names) {
                    g.writeString(t);
                }
                g.writeEndArray();
            }
            if (nested) {
                g.writeName("parent_provider_uuid");
                if (p.parentUuid() == null) {
                    g.writeNull();
                } else {
                    g.writeString(p.parentUuid());
                }
                g.writeName("root_provider_uuid");
                g.writeString(p.rootUuid());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
