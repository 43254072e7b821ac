package dev.overcast.placement.allocations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.schema.Schemas;
import tools.jackson.databind.JsonNode;

/**
 * Reads allocation bodies as each microversion range shapes them, into {@link ConsumerWrite}s.
 * Each range has its own whole schema file ({@code allocation_put_v1_*}, {@code
 * allocations_post_v1_*}); this class only picks the file and reads what it allowed.
 */
final class AllocationBodies {
    private AllocationBodies() {
    }

    /**
     * The project and user upstream records for consumers written before 1.8 named them
     * (its {@code incomplete_consumer_project_id} and {@code _user_id} defaults).
     */
    static final String INCOMPLETE_CONSUMER = "00000000-0000-0000-0000-000000000000";

    /** {@code PUT /allocations/{consumer_uuid}}: list-shaped before 1.12, keyed by provider after. */
    static ConsumerWrite put(Schemas schemas, Request req, String consumer) {
        JsonNode body = validate(schemas, putSchema(req), req.json());
        if (!req.versionAtLeast(1, 12)) {
            Map<String, Map<String, Long>> allocations = new LinkedHashMap<>();
            for (JsonNode item : body.get("allocations")) {
                allocations.put(item.at("/resource_provider/uuid").asString(), resources(item.get("resources")));
            }
            String project = body.has("project_id") ? body.get("project_id").asString() : INCOMPLETE_CONSUMER;
            String user = body.has("user_id") ? body.get("user_id").asString() : INCOMPLETE_CONSUMER;
            return new ConsumerWrite(consumer, project, user, null, ExpectedGeneration.UNCHECKED, allocations);
        }
        return entry(consumer, body, req);
    }

    /** {@code POST /allocations} (1.13): consumer uuid → what {@link #entry} reads. */
    static List<ConsumerWrite> post(Schemas schemas, Request req) {
        String schema = req.versionAtLeast(1, 38) ? "allocations_post_v1_38"
                : req.versionAtLeast(1, 34) ? "allocations_post_v1_34"
                : req.versionAtLeast(1, 28) ? "allocations_post_v1_28" : "allocations_post_v1_13";
        return entries(validate(schemas, schema, req.json()), req);
    }

    /** Consumer uuid → entry, as POST /allocations and the reshaper's {@code allocations} hold them. */
    static List<ConsumerWrite> entries(JsonNode byConsumer, Request req) {
        List<ConsumerWrite> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byConsumer.properties()) {
            writes.add(entry(e.getKey(), e.getValue(), req));
        }
        return writes;
    }

    /**
     * One consumer in the dict shape (1.12+): {@code allocations} keyed by provider, project,
     * user, {@code consumer_generation} from 1.28, {@code consumer_type} from 1.38; the
     * schema has already checked which are there.
     */
    static ConsumerWrite entry(String consumer, JsonNode body, Request req) {
        Map<String, Map<String, Long>> allocations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.get("allocations").properties()) {
            allocations.put(e.getKey(), resources(e.getValue().get("resources")));
        }
        ExpectedGeneration expected = ExpectedGeneration.UNCHECKED;
        if (req.versionAtLeast(1, 28)) {
            JsonNode generation = body.get("consumer_generation");
            expected = generation.isNull() ? ExpectedGeneration.ABSENT
                    : new ExpectedGeneration.Exactly(generation.asLong());
        }
        String type = req.versionAtLeast(1, 38) ? body.get("consumer_type").asString() : null;
        return new ConsumerWrite(consumer, body.get("project_id").asString(), body.get("user_id").asString(), type,
                expected, allocations);
    }

    /**
     * Upstream's {@code is_uuid_like} and normalisation: any case, hyphens optional, braces or
     * a urn prefix allowed; the canonical lower-case form comes back.
     */
    static String consumerUuid(String raw) {
        String hex = raw.replace("urn:", "").replace("uuid:", "").replaceAll("^\\{+|\\}+$", "")
                .replace("-", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{32}")) {
            throw ApiException.badRequest("Malformed consumer_uuid: " + raw);
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** Validates against a schema file, worded as upstream words a body that fails. */
    static JsonNode validate(Schemas schemas, String schema, JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("JSON does not validate: the request body must be a JSON object.");
        }
        try {
            return schemas.validate(schema, body);
        } catch (ApiException e) {
            throw ApiException.badRequest("JSON does not validate: " + e.getMessage());
        }
    }

    private static String putSchema(Request req) {
        return req.versionAtLeast(1, 38) ? "allocation_put_v1_38"
                : req.versionAtLeast(1, 34) ? "allocation_put_v1_34"
                : req.versionAtLeast(1, 28) ? "allocation_put_v1_28"
                : req.versionAtLeast(1, 12) ? "allocation_put_v1_12"
                : req.versionAtLeast(1, 8) ? "allocation_put_v1_8" : "allocation_put_v1_0";
    }

    /** Class → amount; an integer too large for a long is more than any inventory holds. */
    private static Map<String, Long> resources(JsonNode node) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode amount = e.getValue();
            out.put(e.getKey(), amount.canConvertToLong() ? amount.asLong() : Long.MAX_VALUE);
        }
        return out;
    }
}
