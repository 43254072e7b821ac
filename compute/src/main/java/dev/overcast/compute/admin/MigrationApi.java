package dev.overcast.compute.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.aggregates.NovaTime;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.migrations.Migration;
import dev.overcast.compute.migrations.MigrationStore;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /os-migrations}: the resizes and cold migrations of every cell, for admins. What varies by
 * microversion:
 * <ul>
 * <li>before 2.59 any parameter goes; the filters are {@code hidden}, {@code host} (source or destination),
 *     {@code instance_uuid}, {@code source_compute}, {@code status} and {@code migration_type};</li>
 * <li>2.23 shows {@code migration_type} (and links, for live migrations in progress, which Overcast does not
 *     make);</li>
 * <li>2.59 adds {@code limit}, {@code marker} (a migration's uuid) and {@code changes-since}, refuses unknown
 *     parameters, shows each migration's {@code uuid} and lists newest first;</li>
 * <li>2.66 adds {@code changes-before}, which may not come before {@code changes-since};</li>
 * <li>2.80 adds the {@code user_id} and {@code project_id} filters and fields.</li>
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
        boolean paged = req.versionAtLeast(2, 59);
        if (paged) {
            checkQuery(req);
        }
        ctx.enforce(req, AdminPolicy.MIGRATIONS_INDEX, Map.of());
        List<Migration> all = new ArrayList<>();
        for (CellMapping cell : ctx.cells().all()) {
            all.addAll(new MigrationStore(ctx.cells().db(cell)).all());
        }
        Predicate<Migration> wanted = filter(req, paged);
        List<Migration> found = new ArrayList<>(all.stream().filter(wanted).toList());
        if (paged) {
            found.sort(Comparator.comparing(Migration::createdAt).thenComparing(Migration::id).reversed());
            Optional<String> marker = req.query("marker");
            if (marker.isPresent()) {
                int at = -1;
                for (int i = 0; i < found.size(); i++) {
                    if (found.get(i).uuid().equals(marker.get())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    throw ApiException.badRequest("Marker " + marker.get() + " could not be found.");
                }
                found = new ArrayList<>(found.subList(at + 1, found.size()));
            }
            Optional<String> limit = req.query("limit");
            if (limit.isPresent() && Integer.parseInt(limit.get()) < found.size()) {
                found = new ArrayList<>(found.subList(0, Integer.parseInt(limit.get())));
            }
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("migrations");
        found.forEach(m -> list.add(view(req, m)));
        return Response.ok(out);
    }

    private static Predicate<Migration> filter(Request req, boolean paged) {
        Predicate<Migration> p = m -> true;
        Optional<String> host = req.query("host");
        if (host.isPresent()) {
            p = p.and(m -> host.get().equals(m.sourceCompute()) || host.get().equals(m.destCompute()));
        }
        p = equal(req, p, "instance_uuid", Migration::instanceUuid);
        p = equal(req, p, "source_compute", Migration::sourceCompute);
        p = equal(req, p, "status", Migration::status);
        Optional<String> type = req.query("migration_type");
        if (type.isPresent()) {
            // Nova's API names a cold migration "migration" and a resize "resize".
            p = p.and(m -> type.get().equals(m.migrationType()));
        }
        if (paged) {
            Instant since = time(req, "changes-since");
            Instant before = time(req, "changes-before");
            if (since != null) {
                p = p.and(m -> !updated(m).isBefore(since));
            }
            if (before != null) {
                p = p.and(m -> !updated(m).isAfter(before));
            }
        }
        if (req.versionAtLeast(2, 80)) {
            p = equal(req, p, "user_id", Migration::userId);
            p = equal(req, p, "project_id", Migration::projectId);
        }
        return p;
    }

    private static Predicate<Migration> equal(Request req, Predicate<Migration> p, String name,
                                              Function<Migration, String> field) {
        Optional<String> value = req.query(name);
        return value.isEmpty() ? p : p.and(m -> value.get().equals(field.apply(m)));
    }

    private static Instant updated(Migration m) {
        return m.updatedAt() != null ? m.updatedAt() : m.createdAt();
    }

    private static ObjectNode view(Request req, Migration m) {
        ObjectNode o = Json.object();
        o.put("id", m.id());
        o.put("status", m.status());
        o.put("instance_uuid", m.instanceUuid());
        o.put("source_compute", m.sourceCompute());
        o.put("source_node", m.sourceNode());
        o.put("dest_compute", m.destCompute());
        o.put("dest_node", m.destNode());
        o.putNull("dest_host");
        putId(o, "old_instance_type_id", m.oldInstanceTypeId());
        putId(o, "new_instance_type_id", m.newInstanceTypeId());
        o.put("created_at", NovaTime.format(m.createdAt()));
        o.put("updated_at", NovaTime.format(m.updatedAt()));
        if (req.versionAtLeast(2, 23)) {
            o.put("migration_type", m.migrationType());
        }
        if (req.versionAtLeast(2, 59)) {
            o.put("uuid", m.uuid());
        }
        if (req.versionAtLeast(2, 80)) {
            o.put("user_id", m.userId());
            o.put("project_id", m.projectId());
        }
        return o;
    }

    private static void putId(ObjectNode o, String field, Long id) {
        if (id == null) {
            o.putNull(field);
        } else {
            o.put(field, id);
        }
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
