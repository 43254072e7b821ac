package dev.overcast.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schema validation of request bodies. Schemas are resources under
 * {@code /schemas/<service>/<name>.json} (draft 2020-12), loaded once and cached. A body
 * that fails is a 400 whose message names the field and the rule it broke.
 */
public final class Schemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String service;
    private final ConcurrentHashMap<String, Schema> cache = new ConcurrentHashMap<>();

    public Schemas(String service) {
        this.service = service;
    }

    /** Validates {@code body} against schema {@code name}; a 400 naming the first problem if it fails. */
    public JsonNode validate(String name, JsonNode body) {
        List<Error> errors = cache.computeIfAbsent(name, this::load).validate(body);
        if (!errors.isEmpty()) {
            Error first = errors.stream()
                    .min(Comparator.comparing((Error e) -> e.getInstanceLocation().toString().length()))
                    .orElseThrow();
            throw ApiException.badRequest("Invalid input for field/attribute "
                    + field(first) + ". " + first.getMessage());
        }
        return body;
    }

    /**
     * As {@link #validate}, for bodies that must be a JSON object whatever the schema says
     * (published schemas may leave the top-level type out).
     */
    public JsonNode validateObject(String name, JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return validate(name, body);
    }

    private static String field(Error error) {
        String location = error.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if (error.getProperty() != null && !location.endsWith(error.getProperty())) {
            location = location.isEmpty() ? error.getProperty() : location + "." + error.getProperty();
        }
        return location.isEmpty() ? "(body)" : location;
    }

    private Schema load(String name) {
        String path = "/schemas/" + service + "/" + name + ".json";
        try (InputStream in = Schemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + path);
            }
            return REGISTRY.getSchema(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + path, e);
        }
    }
}
