package dev.overcast.network.l3;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The tags of routers and floating IPs, in the shared {@code tags} table; the resource type is
 * the collection's name ({@code routers}, {@code floatingips}) as in the tag URLs.
 */
interface TagStore {
    @SqlQuery("select tag from tags where resource_type = :type and resource_id = :id order by tag")
    List<String> tags(@Bind("type") String type, @Bind("id") String id);

    @SqlUpdate("insert into tags (resource_type, resource_id, tag) values (:type, :id, :tag)")
    void add(@Bind("type") String type, @Bind("id") String id, @Bind("tag") String tag);

    @SqlUpdate("delete from tags where resource_type = :type and resource_id = :id and tag = :tag")
    int remove(@Bind("type") String type, @Bind("id") String id, @Bind("tag") String tag);

    @SqlUpdate("delete from tags where resource_type = :type and resource_id = :id")
    void removeAll(@Bind("type") String type, @Bind("id") String id);
}
