package dev.overcast.placement.classes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;

/**
 * The custom resource classes ({@code custom_resource_class}); standard ones live in code
 * ({@link dev.overcast.placement.model.StandardResourceClasses}). Inventories and allocations
 * name their class, so renaming one renames it there too.
 */
final class ResourceClassStore {
    private ResourceClassStore() {
    }

    /** A custom class's row. */
    record CustomClass(String name, Instant createdAt, Instant updatedAt) {
        Instant lastModified() {
            return updatedAt.isAfter(createdAt) ? updatedAt : createdAt;
        }
    }

    /** Every custom class, oldest first (upstream lists them by id, which grows). */
    static List<CustomClass> all(Handle h) {
        return h.createQuery("select name, created_at, updated_at from custom_resource_class order by created_at, name")
                .map((rs, ctx) -> row(rs)).list();
    }

    static Optional<CustomClass> find(Handle h, String name) {
        return h.createQuery("select name, created_at, updated_at from custom_resource_class where name = :name")
                .bind("name", name).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Locks a custom class's row for the rest of the transaction; empty when there is none. */
    static Optional<CustomClass> lock(Handle h, String name) {
        return h.createQuery("select name, created_at, updated_at from custom_resource_class where name = :name "
                        + "for update")
                .bind("name", name).map((rs, ctx) -> row(rs)).findOne();
    }

    static void insert(Handle h, String name, Instant now) {
        h.createUpdate("insert into custom_resource_class (name, created_at, updated_at) values (:name, :now, :now)")
                .bind("name", name).bind("now", now).execute();
    }

    /** True when some provider has inventory of {@code name}. */
    static boolean inUse(Handle h, String name) {
        return h.createQuery("select count(*) from inventory where resource_class = :name")
                .bind("name", name).mapTo(Integer.class).one() > 0;
    }

    static void delete(Handle h, String name) {
        h.createUpdate("delete from custom_resource_class where name = :name").bind("name", name).execute();
    }

    /**
     * Renames custom class {@code from} to {@code to}, in its row and in every inventory and
     * allocation that names it. Returns the providers whose inventories or allocations changed.
     */
    static Set<String> rename(Handle h, String from, String to, Instant now) {
        Set<String> touched = new TreeSet<>(h.createQuery("select provider_uuid from inventory where resource_class = "
                        + ":rc union select provider_uuid from allocation where resource_class = :rc")
                .bind("rc", from).mapTo(String.class).list());
        // The new row first, then the rows that name the class, then the old row: no moment names a missing class.
        CustomClass old = find(h, from).orElseThrow();
        h.createUpdate("insert into custom_resource_class (name, created_at, updated_at) values (:name, :created, :now)")
                .bind("name", to).bind("created", old.createdAt()).bind("now", now).execute();
        for (String table : new String[] {"inventory", "allocation"}) {
            h.createUpdate("update " + table + " set resource_class = :to where resource_class = :from")
                    .bind("to", to).bind("from", from).execute();
        }
        delete(h, from);
        return touched;
    }

    private static CustomClass row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomClass(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant());
    }
}
