package dev.overcast.compute.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /os-migrations}. Overcast neither resizes nor migrates yet, so there are no
 * migration records and the list is always empty; what varies by microversion is which query
 * Nova accepts:
 * <ul>
 * <li>before 2.59 any parameter goes (the filters {@code hidden}, {@code host},
 *     {@code instance_uuid}, {@code source_compute}, {@code status}, {@code migration_type});</li>
 * <li>2.59 adds {@code limit}, {@code marker} and {@code changes-since} and refuses unknown
 *     parameters; a marker names a migration, so any marker is one that cannot be found;</li>
 * <li>2.66 adds {@code changes-before}, which may not come before {@code changes-since};</li>
 * <li>2.80 adds {@code user_id} and {@code project_id}.</li>
 * </ul>
 */
public final class MigrationApi {
    private static final Set<String> FILTERS = Set.of("hidden", "host", "instance_uuid", "source_compute", "status",
            "migration_type");

    private final ComputeContext ctx;

    public MigrationApi(ComputeContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-migrations", this::list);
    }

    private Response list(Request req) {
        if (req.versionAtLeast(2, 59)) {
            checkQuery(req);
        }
        ctx.enforce(req, AdminPolicy.MIGRATIONS_INDEX, Map.of());
        if (req.versionAtLeast(2, 59)) {
            Optional<String> marker = req.query("marker");
            if (marker.isPresent()) {
                throw ApiException.badRequest("Marker " + marker.get() + " could not be found.");
            }
        }
        ObjectNode out = Json.object();
        out.putArray("migrations");
        return Response.ok(out);
    }

    /** Nova's query schema from 2.59: known parameters only, each in its form. */
    private static void checkQuery(Request req) {
        Set<String> known = new TreeSet<>(FILTERS);
        known.addAll(List.of("limit", "marker", "changes-since"));
        if (req.versionAtLeast(2, 66)) {
            known.add("changes-before");
        }
        if (req.versionAtLeast(2, 80)) {
            known.addAll(List.of("user_id", "project_id"));
        }
        for (String name : new TreeSet<>(req.queryParams().keySet())) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("Invalid input for query parameters " + name
                        + ". Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
        req.query("limit").ifPresent(limit -> {
            if (!limit.matches("[0-9]+")) {
                throw ApiException.badRequest("Invalid input for query parameters limit. Value: " + limit + ". '"
                        + limit + "' does not match '^[0-9]*$'");
            }
        });
        Instant since = time(req, "changes-since");
        Instant before = time(req, "changes-before");
        if (since != null && before != null && before.isBefore(since)) {
            throw ApiException.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
    }

    private static Instant time(Request req, String name) {
        String value = req.query(name).orElse(null);
        if (value == null) {
            return null;
        }
        return IsoTime.parse(value).orElseThrow(() -> ApiException.badRequest("Invalid input for query parameters "
                + name + ". Value: " + value + ". '" + value + "' is not a 'date-time'"));
    }
}
