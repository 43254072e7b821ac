package dev.overcast.identity.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders the service catalog a token carries: enabled services with their enabled endpoints. */
public final class Catalog {
    private final Jdbi jdbi;

    public Catalog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The catalog for a token; {@code projectId} (may be null) fills {@code $(project_id)s} in URLs. */
    public ArrayNode render(String projectId) {
        return jdbi.withExtension(CatalogStore.class, store -> {
            Map<String, List<EndpointRow>> byService = store.endpoints().stream()
                    .filter(EndpointRow::enabled)
                    .collect(Collectors.groupingBy(EndpointRow::serviceId));
            ArrayNode catalog = Json.array();
            for (ServiceRow service : store.services()) {
                if (!service.enabled()) {
                    continue;
                }
                JsonNode extra = Json.parse(service.extra());
                ObjectNode entry = catalog.addObject();
                ArrayNode endpoints = entry.putArray("endpoints");
                for (EndpointRow e : byService.getOrDefault(service.id(), List.of())) {
                    String url = substitute(e.url(), projectId);
                    if (url == null) {
                        continue;
                    }
                    ObjectNode endpoint = endpoints.addObject();
                    endpoint.put("id", e.id());
                    endpoint.put("interface", e.interfaceName());
                    endpoint.put("region", e.regionId());
                    endpoint.put("region_id", e.regionId());
                    endpoint.put("url", url);
                }
                entry.put("id", service.id());
                entry.put("type", service.type());
                entry.put("name", extra.path("name").asString(""));
            }
            return catalog;
        });
    }

    /** Fills project placeholders; null when the URL needs a project and there is none (Keystone drops those). */
    static String substitute(String url, String projectId) {
        boolean needsProject = url.contains("$(project_id)s") || url.contains("$(tenant_id)s")
                || url.contains("%(project_id)s") || url.contains("%(tenant_id)s");
        if (!needsProject) {
            return url;
        }
        if (projectId == null) {
            return null;
        }
        return url.replace("$(project_id)s", projectId).replace("$(tenant_id)s", projectId)
                .replace("%(project_id)s", projectId).replace("%(tenant_id)s", projectId);
    }
}
