package dev.overcast.placement.traits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.overcast.placement.PlacementServer;

/**
 * Providers for tests, written as rows (the provider API is another package's work) and then
 * loaded into the index, as a committed write would be.
 */
public final class TestProviders {
    private TestProviders() {
    }

    /** A new root provider with generation 0; returns its uuid. */
    public static String create(PlacementServer server, String name) {
        String uuid = UUID.randomUUID().toString();
        Instant now = Instant.now();
        server.service().context().jdbi().useHandle(h -> h.createUpdate("insert into resource_provider (uuid, name, "
                        + "generation, parent_uuid, root_uuid, created_at, updated_at) values (:uuid, :name, 0, null, "
                        + ":uuid, :now, :now)")
                .bind("uuid", uuid).bind("name", name).bind("now", now).execute());
        server.service().context().index().refresh(List.of(uuid));
        return uuid;
    }

    /** Gives the provider {@code total} of {@code resourceClass}, without touching its generation. */
    public static void addInventory(PlacementServer server, String uuid, String resourceClass, long total) {
        server.service().context().jdbi().useHandle(h -> h.createUpdate("insert into inventory (provider_uuid, "
                        + "resource_class, total, reserved, min_unit, max_unit, step_size, allocation_ratio) values "
                        + "(:uuid, :rc, :total, 0, 1, :total, 1, 1.0)")
                .bind("uuid", uuid).bind("rc", resourceClass).bind("total", total).execute());
        server.service().context().index().refresh(List.of(uuid));
    }

    /** The provider's generation as the database holds it. */
    public static long generation(PlacementServer server, String uuid) {
        return server.service().context().jdbi().withHandle(h -> h.createQuery(
                        "select generation from resource_provider where uuid = :uuid")
                .bind("uuid", uuid).mapTo(Long.class).one());
    }
}
