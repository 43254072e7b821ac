package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;

/**
 * Which trait names exist: the standard ones (os-traits) and the custom ones created through
 * the API. A query naming a trait that does not exist is a 400, as upstream answers.
 */
public interface KnownTraits {

    boolean exists(String name);

    /** The names among {@code names} that do not exist, sorted. */
    default List<String> missing(Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : new TreeSet<>(names)) {
            if (!exists(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Standard names from {@code standard}, custom ones from the {@code custom_trait} table.
     * Only names starting {@code CUSTOM_} reach the database.
     */
    static KnownTraits of(Jdbi jdbi, Set<String> standard) {
        Set<String> std = Set.copyOf(standard);
        return new KnownTraits() {
            @Override
            public boolean exists(String name) {
                return std.contains(name) || (name.startsWith("CUSTOM_") && jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from custom_trait where name = :name").bind("name", name)
                        .mapTo(Integer.class).one()) > 0);
            }

            @Override
            public List<String> missing(Collection<String> names) {
                Set<String> custom = new TreeSet<>();
                List<String> out = new ArrayList<>();
                for (String n : new TreeSet<>(names)) {
                    if (std.contains(n)) {
                        continue;
                    }
                    if (n.startsWith("CUSTOM_")) {
                        custom.add(n);
                    } else {
                        out.add(n);
                    }
                }
                if (!custom.isEmpty()) {
                    List<String> found = jdbi.withHandle(h -> h.createQuery(
                            "select name from custom_trait where name in (<names>)")
                            .bindList("names", new ArrayList<>(custom)).mapTo(String.class).list());
                    custom.removeAll(found);
                    out.addAll(custom);
                }
                out.sort(null);
                return out;
            }
        };
    }

    /** Only the names in {@code names}: for tests and in-process callers without a database. */
    static KnownTraits of(Set<String> names) {
        Set<String> all = Set.copyOf(names);
        return all::contains;
    }
}
