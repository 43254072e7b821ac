package dev.overcast.network.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/**
 * The standard-attr-tag rows of every resource type, keyed by collection name ({@code networks},
 * {@code ports}, ...). Views read a whole page's tags in one query.
 */
public final class TagStore {
    private TagStore() {
    }

    /** Resource id → its tags, sorted, for each of {@code ids} (an empty list for untagged ones). */
    public static Map<String, List<String>> tagsOf(Handle h, String type, Collection<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return out;
        }
        // A whole listing is one query: every tag of the type, kept for the ids asked for.
        h.createQuery("select resource_id, tag from tags where resource_type = :type order by tag")
                .bind("type", type)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    List<String> tags = out.get(e.getKey());
                    if (tags != null) {
                        tags.add(e.getValue());
                    }
                });
        return out;
    }

    public static List<String> tagsOf(Handle h, String type, String id) {
        return h.createQuery("select tag from tags where resource_type = :type and resource_id = :id order by tag")
                .bind("type", type).bind("id", id).mapTo(String.class).list();
    }

    public static boolean has(Handle h, String type, String id, String tag) {
        return h.createQuery("select count(*) from tags where resource_type = :type and resource_id = :id and tag = :tag")
                .bind("type", type).bind("id", id).bind("tag", tag).mapTo(Integer.class).one() > 0;
    }

    /** Adds {@code tag} unless it is there already. */
    public static void add(Handle h, String type, String id, String tag) {
        if (!has(h, type, id, tag)) {
            h.createUpdate("insert into tags (resource_type, resource_id, tag) values (:type, :id, :tag)")
                    .bind("type", type).bind("id", id).bind("tag", tag).execute();
        }
    }

    public static int remove(Handle h, String type, String id, String tag) {
        return h.createUpdate("delete from tags where resource_type = :type and resource_id = :id and tag = :tag")
                .bind("type", type).bind("id", id).bind("tag", tag).execute();
    }

    /** Removes every tag of a resource: on {@code DELETE .../tags} and when the resource is deleted. */
    public static void removeAll(Handle h, String type, String id) {
        h.createUpdate("delete from tags where resource_type = :type and resource_id = :id")
                .bind("type", type).bind("id", id).execute();
    }
}
