package dev.overcast.orchestration.api;

import java.util.List;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;

/** Version discovery ({@code GET /orchestration/}, 300) and {@code build_info}. */
final class Discovery {
    private final ApiContext ctx;

    Discovery(ApiContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> Response.status(300, versions(req)))
                .get("/v1/{tenant_id}/build_info", req -> {
                    ctx.enforce(req, "build_info:build_info");
                    return Response.ok(Map.of("api", Map.of("revision", "overcast"),
                            "engine", Map.of("revision", "overcast")));
                });
    }

    private static Map<String, Object> versions(Request req) {
        return Map.of("versions", List.of(Map.of("id", "v1.0", "status", "CURRENT",
                "links", List.of(Map.of("href", req.serviceUrl() + "/v1/", "rel", "self")))));
    }
}
