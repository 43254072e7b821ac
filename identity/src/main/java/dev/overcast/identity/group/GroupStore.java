package dev.overcast.identity.group;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Groups and their members. */
@RegisterConstructorMapper(GroupRow.class)
public interface GroupStore {

    @SqlQuery("select * from groups where id = :id")
    Optional<GroupRow> find(@Bind("id") String id);

    @SqlQuery("select * from groups where name = :name and domain_id = :domainId")
    Optional<GroupRow> findByName(@Bind("name") String name, @Bind("domainId") String domainId);

    @SqlQuery("select * from groups order by name, id")
    List<GroupRow> list();

    @SqlUpdate("insert into groups (id, name, domain_id, description, extra) values (:id, :name, :domainId, :description, :extra)")
    void insert(@BindMethods GroupRow row);

    @SqlUpdate("update groups set name = :name, description = :description, extra = :extra where id = :id")
    void update(@BindMethods GroupRow row);

    @SqlUpdate("delete from groups where id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("select g.* from groups g join user_group m on m.group_id = g.id where m.user_id = :userId order by g.name, g.id")
    List<GroupRow> groupsOf(@Bind("userId") String userId);

    @SqlQuery("select user_id from user_group where group_id = :groupId")
    List<String> memberIds(@Bind("groupId") String groupId);

    @SqlQuery("select count(*) from user_group where group_id = :groupId and user_id = :userId")
    int countMember(@Bind("groupId") String groupId, @Bind("userId") String userId);

    @SqlUpdate("insert into user_group (user_id, group_id) values (:userId, :groupId)")
    void addMember(@Bind("groupId") String groupId, @Bind("userId") String userId);

    @SqlUpdate("delete from user_group where group_id = :groupId and user_id = :userId")
    int removeMember(@Bind("groupId") String groupId, @Bind("userId") String userId);
}
