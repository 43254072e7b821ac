package dev.overcast.placement.traits;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.http.ApiException;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.ProviderWrites;

/**
 * Which traits exist: the standard ones (always) and the custom ones in {@code custom_trait}.
 * Every method runs in the caller's handle, so a caller inside a transaction sees its own
 * writes; writers lock custom rows ({@link #lockExisting}) so that deleting a trait and
 * giving it to a provider cannot both succeed.
 */
public final class TraitCatalog {
    private TraitCatalog() {
    }

    /** A custom trait's row. */
    record CustomTrait(String name, Instant createdAt, Instant updatedAt) {
        Instant lastModified() {
            return updatedAt.isAfter(createdAt) ? updatedAt : createdAt;
        }
    }

    /** True when {@code name} is a standard trait or a custom trait that exists. */
    public static boolean exists(Handle h, String name) {
        return StandardTraits.isStandard(name) || custom(h, name).isPresent();
    }

    /** As {@link #exists(Handle, String)}, in a handle of its own. */
    public static boolean exists(Jdbi jdbi, String name) {
        return StandardTraits.isStandard(name) || jdbi.withHandle(h -> custom(h, name).isPresent());
    }

    /** The names among {@code names} that are no trait at all, in name order. */
    public static Set<String> missing(Handle h, Collection<String> names) {
        Set<String> out = new TreeSet<>();
        List<String> custom = new ArrayList<>();
        for (String name : names) {
            if (!StandardTraits.isStandard(name)) {
                custom.add(name);
            }
        }
        if (!custom.isEmpty()) {
            out.addAll(custom);
            out.removeAll(h.createQuery("select name from custom_trait where name in (<names>)")
                    .bindList("names", custom).mapTo(String.class).list());
        }
        return out;
    }

    /**
     * Locks the custom rows among {@code names} for the rest of the transaction and returns
     * the names that are no trait (standard names need no lock: they cannot be deleted).
     */
    public static Set<String> lockExisting(Handle h, Collection<String> names) {
        List<String> custom = names.stream().filter(n -> !StandardTraits.isStandard(n)).sorted().distinct().toList();
        Set<String> missing = new TreeSet<>(custom);
        if (!custom.isEmpty()) {
            missing.removeAll(h.createQuery("select name from custom_trait where name in (<names>) order by name for update")
                    .bindList("names", custom).mapTo(String.class).list());
        }
        return missing;
    }

    static Optional<CustomTrait> custom(Handle h, String name) {
        return h.createQuery("select name, created_at, updated_at from custom_trait where name = :name")
                .bind("name", name).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Locks a custom trait's row for the rest of the transaction; empty when there is none. */
    static Optional<CustomTrait> lockCustom(Handle h, String name) {
        return h.createQuery("select name, created_at, updated_at from custom_trait where name = :name for update")
                .bind("name", name).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<CustomTrait> allCustom(Handle h) {
        return h.createQuery("select name, created_at, updated_at from custom_trait order by name")
                .map((rs, ctx) -> row(rs)).list();
    }

    /** Every trait that at least one provider has. */
    static Set<String> associated(Handle h) {
        return new TreeSet<>(h.createQuery("select distinct trait from provider_trait").mapTo(String.class).list());
    }

    static void insert(Handle h, String name, Instant now) {
        h.createUpdate("insert into custom_trait (name, created_at, updated_at) values (:name, :now, :now)")
                .bind("name", name).bind("now", now).execute();
    }

    static boolean inUse(Handle h, String name) {
        return h.createQuery("select count(*) from provider_trait where trait = :name")
                .bind("name", name).mapTo(Integer.class).one() > 0;
    }

    static void delete(Handle h, String name) {
        h.createUpdate("delete from custom_trait where name = :name").bind("name", name).execute();
    }

    /** Upstream's words for a generation the caller read before someone else changed the provider. */
    public static final String GENERATION_CHANGED =
            "Resource provider's generation already changed. Please update the generation and try again.";

    /**
     * Replaces a provider's traits if its generation is still {@code expected} (a 409
     * {@code placement.concurrent_update} otherwise), in the caller's transaction; every trait
     * must exist (a 400 naming the ones that do not). Bumps and returns the generation.
     */
    public static long setProviderTraits(Handle h, String uuid, long expected, Collection<String> traits,
                                         Instant now) {
        long current = ProviderWrites.lockGeneration(h, uuid);
        if (current != expected) {
            throw PlacementErrors.concurrentUpdate(GENERATION_CHANGED);
        }
        Set<String> missing = lockExisting(h, traits);
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("No such trait " + String.join(", ", missing));
        }
        replaceProviderTraits(h, uuid, traits);
        return ProviderWrites.bumpGeneration(h, uuid, current, now);
    }

    /**
     * Gives providers that have no traits yet their traits, in one batch; every trait must
     * exist (a 400 naming those that do not, before anything is written).
     */
    public static void addToNewProviders(Handle h, Map<String, ? extends Collection<String>> traitsByProvider) {
        Set<String> all = new TreeSet<>();
        traitsByProvider.values().forEach(all::addAll);
        Set<String> missing = lockExisting(h, all);
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("No such trait " + String.join(", ", missing));
        }
        var batch = h.prepareBatch("insert into provider_trait (provider_uuid, trait) values (:uuid, :trait)");
        boolean any = false;
        for (var e : traitsByProvider.entrySet()) {
            for (String trait : new TreeSet<>(e.getValue())) {
                batch.bind("uuid", e.getKey()).bind("trait", trait).add();
                any = true;
            }
        }
        if (any) {
            batch.execute();
        }
    }

    /** Replaces all of a provider's traits with {@code traits}, which must all exist. */
    public static void replaceProviderTraits(Handle h, String uuid, Collection<String> traits) {
        h.createUpdate("delete from provider_trait where provider_uuid = :uuid").bind("uuid", uuid).execute();
        if (traits.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("insert into provider_trait (provider_uuid, trait) values (:uuid, :trait)");
        for (String trait : new TreeSet<>(traits)) {
            batch.bind("uuid", uuid).bind("trait", trait).add();
        }
        batch.execute();
    }

    private static CustomTrait row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomTrait(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant());
    }
}
