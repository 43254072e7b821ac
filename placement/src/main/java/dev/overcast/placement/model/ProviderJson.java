package dev.overcast.placement.model;

import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One resource provider as the API shows it, per microversion: {@code uuid}, {@code name},
 * {@code generation} and {@code links}; {@code parent_provider_uuid} and
 * {@code root_provider_uuid} from 1.14. The links grow with the API: self, inventories and
 * usages always; aggregates from 1.1, traits from 1.6, allocations from 1.11.
 */
public final class ProviderJson {
    private ProviderJson() {
    }

    /**
     * @param linkPrefix what goes before {@code /resource_providers/...} in link hrefs: the path
     *                   part of the service URL (e.g. {@code /placement}), as upstream builds
     *                   links relative to the application root; may be empty
     */
    public static ObjectNode render(Provider p, ApiVersion v, String linkPrefix) {
        ObjectNode out = Json.object();
        out.put("uuid", p.uuid());
        out.put("name", p.name());
        out.put("generation", p.generation());
        String self = linkPrefix + "/resource_providers/" + p.uuid();
        ArrayNode links = out.putArray("links");
        link(links, "self", self);
        link(links, "inventories", self + "/inventories");
        link(links, "usages", self + "/usages");
        if (v.isAtLeast(new ApiVersion(1, 1))) {
            link(links, "aggregates", self + "/aggregates");
        }
        if (v.isAtLeast(new ApiVersion(1, 6))) {
            link(links, "traits", self + "/traits");
        }
        if (v.isAtLeast(new ApiVersion(1, 11))) {
            link(links, "allocations", self + "/allocations");
        }
        if (v.isAtLeast(new ApiVersion(1, 14))) {
            out.put("parent_provider_uuid", p.parentUuid());
            out.put("root_provider_uuid", p.rootUuid());
        }
        return out;
    }

    /** The path part of a service URL ({@code http://host:port/placement} → {@code /placement}). */
    public static String linkPrefix(String serviceUrl) {
        java.net.URI uri = java.net.URI.create(serviceUrl);
        String path = uri.getRawPath();
        if (path == null || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void link(ArrayNode links, String rel, String href) {
        ObjectNode l = links.addObject();
        l.put("rel", rel);
        l.put("href", href);
    }
}
