package dev.overcast.compute.flavors;

import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the API shows a flavor, per microversion: the list entry ({@code id}, {@code name},
 * {@code links}), the full view, and the copy embedded in a server from 2.47.
 */
public final class FlavorViews {
    /** 2.55: flavors have a description. */
    static final int DESCRIPTION = 55;
    /** 2.61: flavor details carry their extra specs. */
    static final int EXTRA_SPECS = 61;
    /** 2.75: swap is 0 rather than "" when there is none. */
    static final int SWAP_AS_INTEGER = 75;

    private FlavorViews() {
    }

    /**
     * The flavor as a server shows it from microversion 2.47: {@code original_name},
     * {@code vcpus}, {@code ram}, {@code disk}, {@code ephemeral}, {@code swap} and, when the
     * caller may read them, {@code extra_specs}.
     */
    public static ObjectNode embedded(Flavor f, boolean withExtraSpecs) {
        ObjectNode out = Json.object();
        out.put("vcpus", f.vcpus());
        out.put("ram", f.memoryMb());
        out.put("disk", f.rootGb());
        out.put("ephemeral", f.ephemeralGb());
        out.put("swap", f.swap());
        out.put("original_name", f.name());
        if (withExtraSpecs) {
            out.set("extra_specs", specs(f.extraSpecs()));
        }
        return out;
    }

    /** A list entry: id, name, links, and from 2.55 the description. */
    static ObjectNode basic(Request req, Flavor f) {
        ObjectNode out = Json.object();
        out.put("id", f.flavorId());
        out.put("name", f.name());
        if (req.versionAtLeast(2, DESCRIPTION)) {
            out.put("description", f.description());
        }
        out.set("links", links(req, f.flavorId()));
        return out;
    }

    /** The full view; {@code withExtraSpecs} only matters from 2.61. */
    static ObjectNode show(Request req, Flavor f, boolean withExtraSpecs) {
        ObjectNode out = Json.object();
        out.put("id", f.flavorId());
        out.put("name", f.name());
        out.put("ram", f.memoryMb());
        out.put("disk", f.rootGb());
        if (req.versionAtLeast(2, SWAP_AS_INTEGER) || f.swap() != 0) {
            out.put("swap", f.swap());
        } else {
            out.put("swap", "");
        }
        out.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb());
        out.put("OS-FLV-DISABLED:disabled", f.disabled());
        out.put("vcpus", f.vcpus());
        out.put("os-flavor-access:is_public", f.isPublic());
        out.put("rxtx_factor", f.rxtxFactor());
        out.set("links", links(req, f.flavorId()));
        if (req.versionAtLeast(2, DESCRIPTION)) {
            out.put("description", f.description());
        }
        if (withExtraSpecs && req.versionAtLeast(2, EXTRA_SPECS)) {
            out.set("extra_specs", specs(f.extraSpecs()));
        }
        return out;
    }

    /** {@code {"flavor": ...}}. */
    static ObjectNode wrapped(ObjectNode flavor) {
        ObjectNode out = Json.object();
        out.set("flavor", flavor);
        return out;
    }

    private static ObjectNode specs(Map<String, String> specs) {
        ObjectNode out = Json.object();
        specs.forEach(out::put);
        return out;
    }

    /** Nova's self link (with the version) and bookmark link (without). */
    private static tools.jackson.databind.node.ArrayNode links(Request req, String flavorId) {
        String id = encode(flavorId);
        var links = Json.array();
        links.addObject().put("rel", "self").put("href", req.serviceUrl() + "/v2.1/flavors/" + id);
        links.addObject().put("rel", "bookmark").put("href", req.serviceUrl() + "/flavors/" + id);
        return links;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
