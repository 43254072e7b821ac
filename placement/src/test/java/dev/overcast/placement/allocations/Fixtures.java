package dev.overcast.placement.allocations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.overcast.testkit.ApiClient;

/** Providers with inventory, made through the provider API, and small body builders. */
final class Fixtures {
    private Fixtures() {
    }

    static final String PROJECT = "6f6b1c5e-1111-4b37-9d1e-3a4d8b0f7a01";
    static final String USER = "9c1e7a3d-2222-4e0c-8f5b-6d2a1b4c9e02";

    /** A new root provider with {@code inventories} (class → inventory fields); returns its uuid. */
    static String provider(ApiClient admin, Map<String, Map<String, Object>> inventories) {
        return provider(admin, inventories, null);
    }

    static String provider(ApiClient admin, Map<String, Map<String, Object>> inventories, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "rp-" + UUID.randomUUID()));
        if (parent != null) {
            body.put("parent_provider_uuid", parent);
        }
        var created = admin.post("/resource_providers", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String uuid = created.json().get("uuid").asString();
        if (!inventories.isEmpty()) {
            var put = admin.put("/resource_providers/" + uuid + "/inventories",
                    Map.of("resource_provider_generation", 0, "inventories", inventories));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
        return uuid;
    }

    static Map<String, Object> total(long total) {
        return Map.of("total", total);
    }

    static Map<String, Object> inventory(long total, long reserved, long min, long max, long step, double ratio) {
        return Map.of("total", total, "reserved", reserved, "min_unit", min, "max_unit", max, "step_size", step,
                "allocation_ratio", ratio);
    }

    static String consumer() {
        return UUID.randomUUID().toString();
    }

    /** {@code {allocations: {rp: {resources}}, project_id, user_id}} plus any extra fields, as 1.12+ writes it. */
    static Map<String, Object> dict(Map<String, Map<String, Object>> byProvider, Object... extra) {
        Map<String, Object> allocations = new LinkedHashMap<>();
        byProvider.forEach((rp, resources) -> allocations.put(rp, Map.of("resources", resources)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocations", allocations);
        body.put("project_id", PROJECT);
        body.put("user_id", USER);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    /** As {@link #dict} for the usual 1.28+ writes: with a consumer generation (null when new). */
    static Map<String, Object> dictWithGeneration(Map<String, Map<String, Object>> byProvider, Long generation,
                                                  Object... extra) {
        Object[] all = new Object[extra.length + 2];
        all[0] = "consumer_generation";
        all[1] = generation;
        System.arraycopy(extra, 0, all, 2, extra.length);
        return dict(byProvider, all);
    }

    /** The list shape before 1.12: {@code {allocations: [{resource_provider: {uuid}, resources}]}}. */
    static Map<String, Object> list(Map<String, Map<String, Object>> byProvider, Object... extra) {
        List<Object> items = new java.util.ArrayList<>();
        byProvider.forEach((rp, resources) -> items.add(Map.of("resource_provider", Map.of("uuid", rp),
                "resources", resources)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocations", items);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    static long generation(ApiClient admin, String provider) {
        return admin.get("/resource_providers/" + provider).json().get("generation").asLong();
    }

    static long usage(ApiClient admin, String provider, String resourceClass) {
        return admin.get("/resource_providers/" + provider + "/usages").json().at("/usages/" + resourceClass).asLong();
    }

    static String detail(ApiClient.Reply reply) {
        return reply.json().at("/errors/0/detail").asString();
    }

    static String code(ApiClient.Reply reply) {
        return reply.json().at("/errors/0/code").asString();
    }
}
