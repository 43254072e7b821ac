package dev.overcast.placement.traits;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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
    static Set<String> lockExisting(Handle h, Collection<String> names) {
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

    /** Replaces all of a provider's traits with {@code traits}, which must all exist. */
    static void replaceProviderTraits(Handle h, String uuid, Collection<String> traits) {
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
