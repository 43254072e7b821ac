package dev.overcast.placement.candidates;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.placement.PlacementContext;

/**
 * Writes providers, inventories, traits, aggregates and allocations straight into the database
 * for HTTP tests (before the write APIs exist), then refreshes the index for what it touched.
 * Creation times increase row by row so the index's order is the order of the calls.
 */
final class Rows {
    private final PlacementContext ctx;
    private final Jdbi jdbi;
    private final Set<String> touched = new LinkedHashSet<>();
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    Rows(PlacementContext ctx) {
        this.ctx = ctx;
        this.jdbi = ctx.jdbi();
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    Rows provider(String uuid, String name, String parent) {
        String root = parent == null ? uuid : jdbi.withHandle(h -> h.createQuery(
                "select root_uuid from resource_provider where uuid = :p").bind("p", parent).mapTo(String.class).one());
        Instant at = tick();
        jdbi.useHandle(h -> h.createUpdate("insert into resource_provider (uuid, name, generation, parent_uuid, "
                        + "root_uuid, created_at, updated_at) values (:u, :n, 1, :p, :r, :at, :at)")
                .bind("u", uuid).bind("n", name).bind("p", parent).bind("r", root).bind("at", at).execute());
        touched.add(uuid);
        return this;
    }

    Rows inventory(String uuid, String rc, long total) {
        return inventory(uuid, rc, total, 0, 1, total, 1, 1.0);
    }

    Rows inventory(String uuid, String rc, long total, long reserved, long min, long max, long step, double ratio) {
        jdbi.useHandle(h -> h.createUpdate("insert into inventory (provider_uuid, resource_class, total, reserved, "
                        + "min_unit, max_unit, step_size, allocation_ratio) values (:p, :rc, :t, :r, :min, :max, :s, :a)")
                .bind("p", uuid).bind("rc", rc).bind("t", total).bind("r", reserved).bind("min", min)
                .bind("max", max).bind("s", step).bind("a", ratio).execute());
        touched.add(uuid);
        return this;
    }

    Rows trait(String uuid, String trait) {
        jdbi.useHandle(h -> h.createUpdate("insert into provider_trait (provider_uuid, trait) values (:p, :t)")
                .bind("p", uuid).bind("t", trait).execute());
        touched.add(uuid);
        return this;
    }

    Rows customTrait(String name) {
        Instant at = tick();
        jdbi.useHandle(h -> h.createUpdate("insert into custom_trait (name, created_at, updated_at) values "
                + "(:n, :at, :at)").bind("n", name).bind("at", at).execute());
        return this;
    }

    Rows customClass(String name) {
        Instant at = tick();
        jdbi.useHandle(h -> h.createUpdate("insert into custom_resource_class (name, created_at, updated_at) values "
                + "(:n, :at, :at)").bind("n", name).bind("at", at).execute());
        return this;
    }

    Rows aggregate(String uuid, String aggregate) {
        jdbi.useHandle(h -> h.createUpdate("insert into provider_aggregate (provider_uuid, aggregate_uuid) values "
                + "(:p, :a)").bind("p", uuid).bind("a", aggregate).execute());
        touched.add(uuid);
        return this;
    }

    Rows allocation(String consumer, String uuid, String rc, long used) {
        Instant at = tick();
        jdbi.useHandle(h -> {
            if (h.createQuery("select count(*) from consumer where uuid = :c").bind("c", consumer)
                    .mapTo(Integer.class).one() == 0) {
                h.createUpdate("insert into consumer (uuid, project_id, user_id, generation, created_at, updated_at) "
                        + "values (:c, 'p', 'u', 1, :at, :at)").bind("c", consumer).bind("at", at).execute();
            }
            h.createUpdate("insert into allocation (consumer_uuid, provider_uuid, resource_class, used, created_at, "
                            + "updated_at) values (:c, :p, :rc, :u, :at, :at)")
                    .bind("c", consumer).bind("p", uuid).bind("rc", rc).bind("u", used).bind("at", at).execute();
        });
        touched.add(uuid);
        return this;
    }

    /** Makes the index see every provider written so far. */
    void refresh() {
        ctx.index().refresh(touched);
        touched.clear();
    }
}
