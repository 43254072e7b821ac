package dev.overcast.placement.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;

/** Reads providers with everything the index holds about them, in five queries whatever their number. */
final class ProviderRows {
    private ProviderRows() {
    }

    private record Row(String uuid, String name, long generation, String parentUuid, String rootUuid,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** @param uuids the providers to read, or null for all */
    static List<Provider> load(Handle h, Collection<String> uuids) {
        String where = uuids == null ? "" : " where %s in (<uuids>)";
        List<Row> rows = bind(h.createQuery("select uuid, name, generation, parent_uuid, root_uuid, created_at, "
                + "updated_at from resource_provider" + where.formatted("uuid")), uuids)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
                .list();
        Map<String, Map<String, Inventory>> inventories = new HashMap<>();
        bind(h.createQuery("select provider_uuid, resource_class, total, reserved, min_unit, max_unit, step_size, "
                + "allocation_ratio from inventory" + where.formatted("provider_uuid")), uuids)
                .map((rs, ctx) -> {
                    inventories.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            new Inventory(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                    rs.getDouble(8)));
                    return 0;
                }).list();
        Map<String, Map<String, Long>> usages = new HashMap<>();
        bind(h.createQuery("select provider_uuid, resource_class, sum(used) from allocation"
                + where.formatted("provider_uuid") + " group by provider_uuid, resource_class"), uuids)
                .map((rs, ctx) -> {
                    usages.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    return 0;
                }).list();
        Map<String, Set<String>> traits = pairs(h, "select provider_uuid, trait from provider_trait"
                + where.formatted("provider_uuid"), uuids);
        Map<String, Set<String>> aggregates = pairs(h, "select provider_uuid, aggregate_uuid from provider_aggregate"
                + where.formatted("provider_uuid"), uuids);
        List<Provider> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Provider(r.uuid, r.name, r.generation, r.parentUuid, r.rootUuid,
                    inventories.getOrDefault(r.uuid, Map.of()), usages.getOrDefault(r.uuid, Map.of()),
                    traits.getOrDefault(r.uuid, Set.of()), aggregates.getOrDefault(r.uuid, Set.of()),
                    r.createdAt.toInstant(), r.updatedAt.toInstant()));
        }
        return out;
    }

    private static Map<String, Set<String>> pairs(Handle h, String sql, Collection<String> uuids) {
        Map<String, Set<String>> out = new HashMap<>();
        bind(h.createQuery(sql), uuids).map((rs, ctx) -> {
            out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            return 0;
        }).list();
        return out;
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q, Collection<String> uuids) {
        return uuids == null ? q : q.bindList("uuids", new ArrayList<>(uuids));
    }
}
