package dev.overcast.placement.candidates;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.candidates.AllocationCandidates.AllocationRequest;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;

/**
 * The {@code GET /allocation_candidates} body per microversion, written straight to bytes (a
 * thousand candidates is a large body and the scheduler asks often):
 * <ul>
 * <li>{@code allocation_requests}: before 1.12 each is {@code {"allocations": [{"resource_provider":
 *     {"uuid"}, "resources"}]}}; from 1.12 {@code {"allocations": {uuid: {"resources"}}}}, plus
 *     {@code mappings} from 1.34;</li>
 * <li>{@code provider_summaries}: uuid → {@code resources} {class: {capacity, used}} (only the
 *     requested classes before 1.27), {@code traits} from 1.17, {@code parent_provider_uuid} and
 *     {@code root_provider_uuid} from 1.29.</li>
 * </ul>
 * Classes and traits are sorted by name so that equal states give equal bodies.
 */
final class CandidateJson {
    private CandidateJson() {
    }

    static byte[] render(Result result, CandidateQuery query, ApiVersion v) {
        JsonBytes out = new JsonBytes(256 + result.requests().size() * 240);
        out.raw("{\"allocation_requests\":[");
        boolean dict = atLeast(v, 12);
        boolean mappings = atLeast(v, 34);
        boolean first = true;
        for (AllocationRequest r : result.requests()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            if (dict) {
                writeDict(out, r, mappings);
            } else {
                writeList(out, r);
            }
        }
        out.raw("],\"provider_summaries\":");
        writeSummaries(out, result.summaries(), requestedClasses(query), v);
        return out.raw('}').toBytes();
    }

    private static boolean atLeast(ApiVersion v, int minor) {
        return v.isAtLeast(new ApiVersion(1, minor));
    }

    private static void writeDict(JsonBytes out, AllocationRequest r, boolean mappings) {
        out.raw("{\"allocations\":{");
        boolean first = true;
        for (Map.Entry<String, Map<String, Long>> e : r.allocations().entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.name(e.getKey()).raw("{\"resources\":");
            writeAmounts(out, e.getValue());
            out.raw('}');
        }
        out.raw('}');
        if (mappings) {
            out.raw(",\"mappings\":{");
            boolean firstGroup = true;
            for (Map.Entry<String, List<String>> m : r.mappings().entrySet()) {
                if (!firstGroup) {
                    out.raw(',');
                }
                firstGroup = false;
                out.name(m.getKey()).raw('[');
                boolean firstUuid = true;
                for (String uuid : m.getValue()) {
                    if (!firstUuid) {
                        out.raw(',');
                    }
                    firstUuid = false;
                    out.str(uuid);
                }
                out.raw(']');
            }
            out.raw('}');
        }
        out.raw('}');
    }

    private static void writeList(JsonBytes out, AllocationRequest r) {
        out.raw("{\"allocations\":[");
        boolean first = true;
        for (Map.Entry<String, Map<String, Long>> e : r.allocations().entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.raw("{\"resource_provider\":{\"uuid\":").str(e.getKey()).raw("},\"resources\":");
            writeAmounts(out, e.getValue());
            out.raw('}');
        }
        out.raw("]}");
    }

    private static void writeAmounts(JsonBytes out, Map<String, Long> amounts) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<String, Long> a : amounts.entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.name(a.getKey()).num(a.getValue());
        }
        out.raw('}');
    }

    /** The classes any group asks for: what summaries show before 1.27. */
    private static Set<String> requestedClasses(CandidateQuery query) {
        Set<String> out = new TreeSet<>();
        for (RequestGroup group : query.groups()) {
            out.addAll(group.resources().keySet());
        }
        return out;
    }

    /** The names in order, cheaply: these sets hold a handful of names. */
    private static String[] sorted(Set<String> names) {
        String[] out = names.toArray(new String[0]);
        if (out.length > 1) {
            Arrays.sort(out);
        }
        return out;
    }

    /**
     * A provider's summary from 1.27 depends only on the provider record (immutable: a change
     * replaces it) and the microversion's fields, and the same hosts come back query after
     * query; so the bytes are kept per provider uuid, valid while the index holds that very
     * record. Bounded: cleared when it grows past {@link #CACHE_MAX} entries.
     */
    private record Cached(Provider provider, boolean traits, boolean nested, byte[] bytes) {
    }

    private static final int CACHE_MAX = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Cached> SUMMARIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static void writeSummaries(JsonBytes out, List<Provider> summaries, Set<String> requested,
                                       ApiVersion v) {
        boolean all = atLeast(v, 27);
        boolean traits = atLeast(v, 17);
        boolean nested = atLeast(v, 29);
        out.raw('{');
        boolean first = true;
        for (Provider p : summaries) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.name(p.uuid());
            if (!all) {
                writeSummary(out, p, requested, false, traits, nested);
                continue;
            }
            Cached c = SUMMARIES.get(p.uuid());
            if (c == null || c.provider != p || c.traits != traits || c.nested != nested) {
                JsonBytes one = new JsonBytes(256);
                writeSummary(one, p, requested, true, traits, nested);
                c = new Cached(p, traits, nested, one.toBytes());
                if (SUMMARIES.size() >= CACHE_MAX) {
                    SUMMARIES.clear();
                }
                SUMMARIES.put(p.uuid(), c);
            }
            out.bytes(c.bytes);
        }
        out.raw('}');
    }

    private static void writeSummary(JsonBytes out, Provider p, Set<String> requested, boolean all, boolean traits,
                                     boolean nested) {
        out.raw("{\"resources\":{");
        Map<String, Inventory> inventories = p.inventories();
        boolean firstClass = true;
        for (String rc : sorted(inventories.keySet())) {
            if (!all && !requested.contains(rc)) {
                continue;
            }
            if (!firstClass) {
                out.raw(',');
            }
            firstClass = false;
            out.name(rc).raw("{\"capacity\":").num(inventories.get(rc).capacity()).raw(",\"used\":")
                    .num(p.used(rc)).raw('}');
        }
        out.raw('}');
        if (traits) {
            out.raw(",\"traits\":[");
            boolean firstTrait = true;
            for (String t : sorted(p.traits())) {
                if (!firstTrait) {
                    out.raw(',');
                }
                firstTrait = false;
                out.str(t);
            }
            out.raw(']');
        }
        if (nested) {
            out.raw(",\"parent_provider_uuid\":").str(p.parentUuid()).raw(",\"root_provider_uuid\":")
                    .str(p.rootUuid());
        }
        out.raw('}');
    }
}
