package dev.overcast.placement.allocations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The read side: one consumer's allocations, one provider's, and usage totals by project. */
final class AllocationReads {
    private AllocationReads() {
    }

    /** How upstream names consumers without a type, in usages and in a consumer's allocations (1.38). */
    static final String UNKNOWN = "unknown";

    /** One allocation of a consumer, with the provider's generation and the consumer's fields. */
    record ConsumerAllocation(String provider, long providerGeneration, String resourceClass, long used,
                              String projectId, String userId, long consumerGeneration, String consumerType,
                              Instant modified) {
    }

    /** One allocation on a provider. */
    record ProviderAllocation(String consumer, long consumerGeneration, String resourceClass, long used,
                              Instant modified) {
    }

    /** A provider's generation and its allocations, read in one statement so that they agree. */
    record ProviderAllocations(long generation, List<ProviderAllocation> allocations) {
    }

    /** Usage of one class by consumers of one type (null for consumers without a type). */
    record TypedUsage(String consumerType, String resourceClass, long used) {
    }

    static List<ConsumerAllocation> ofConsumer(Handle h, String consumer) {
        return h.createQuery("select a.provider_uuid, p.generation, a.resource_class, a.used, c.project_id, "
                        + "c.user_id, c.generation, c.consumer_type, a.updated_at from allocation a "
                        + "join resource_provider p on p.uuid = a.provider_uuid "
                        + "join consumer c on c.uuid = a.consumer_uuid "
                        + "where a.consumer_uuid = :consumer order by a.provider_uuid, a.resource_class")
                .bind("consumer", consumer)
                .map((rs, ctx) -> new ConsumerAllocation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Empty when the provider does not exist. */
    static Optional<ProviderAllocations> ofProvider(Handle h, String provider) {
        record Row(long generation, ProviderAllocation allocation) {
        }
        List<Row> rows = h.createQuery("select p.generation, a.consumer_uuid, c.generation, a.resource_class, a.used, "
                        + "a.updated_at from resource_provider p "
                        + "left join allocation a on a.provider_uuid = p.uuid "
                        + "left join consumer c on c.uuid = a.consumer_uuid "
                        + "where p.uuid = :provider order by a.consumer_uuid, a.resource_class")
                .bind("provider", provider)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2) == null ? null
                        : new ProviderAllocation(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant())))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderAllocations(rows.getFirst().generation(),
                rows.stream().map(Row::allocation).filter(Objects::nonNull).toList()));
    }

    /**
     * Amount used per class by consumers of {@code projectId} (and {@code userId} when not
     * null), grouped by consumer type (null for consumers without one) when {@code byType}.
     *
     * @param type only consumers of this type; {@code unknown} for those without one; null for all
     */
    static List<TypedUsage> ofProject(Handle h, String projectId, String userId, boolean byType, String type) {
        String group = byType ? "c.consumer_type, a.resource_class" : "a.resource_class";
        return bind(h.createQuery("select " + (byType ? "c.consumer_type" : "null") + ", a.resource_class, "
                + "sum(a.used) from allocation a join consumer c on c.uuid = a.consumer_uuid "
                + where(userId, type) + " group by " + group), projectId, userId, type)
                .map((rs, ctx) -> new TypedUsage(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** How many consumers hold allocations, per consumer type when {@code byType} (else under null). */
    static Map<String, Long> consumerCounts(Handle h, String projectId, String userId, boolean byType, String type) {
        record Count(String consumerType, long consumers) {
        }
        Map<String, Long> out = new HashMap<>();
        bind(h.createQuery("select " + (byType ? "c.consumer_type" : "null") + ", count(distinct a.consumer_uuid) "
                + "from allocation a join consumer c on c.uuid = a.consumer_uuid " + where(userId, type)
                + (byType ? " group by c.consumer_type" : "")), projectId, userId, type)
                .map((rs, ctx) -> new Count(rs.getString(1), rs.getLong(2)))
                .forEach(count -> out.put(count.consumerType(), count.consumers()));
        return out;
    }

    private static String where(String userId, String type) {
        return "where c.project_id = :project" + (userId == null ? "" : " and c.user_id = :user")
                + (type == null ? "" : UNKNOWN.equals(type) ? " and c.consumer_type is null" : " and c.consumer_type = :type");
    }

    private static Query bind(Query q, String projectId, String userId, String type) {
        q.bind("project", projectId);
        if (userId != null) {
            q.bind("user", userId);
        }
        if (type != null && !UNKNOWN.equals(type)) {
            q.bind("type", type);
        }
        return q;
    }
}
