package dev.overcast.identity.role;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Roles, implied roles and role assignments. */
@RegisterConstructorMapper(RoleRow.class)
@RegisterConstructorMapper(AssignmentRow.class)
public interface RoleStore {

    @SqlQuery("select * from role where id = :id")
    Optional<RoleRow> find(@Bind("id") String id);

    @SqlQuery("select * from role where name = :name and domain_id = :domainId")
    Optional<RoleRow> findByName(@Bind("name") String name, @Bind("domainId") String domainId);

    @SqlQuery("select * from role order by name, id")
    List<RoleRow> list();

    @SqlQuery("select * from role where id in (<ids>)")
    List<RoleRow> findAll(@BindList("ids") List<String> ids);

    @SqlUpdate("""
            insert into role (id, name, domain_id, description, options, extra)
            values (:id, :name, :domainId, :description, :options, :extra)""")
    void insert(@BindMethods RoleRow row);

    @SqlUpdate("update role set name = :name, description = :description, options = :options, extra = :extra where id = :id")
    void update(@BindMethods RoleRow row);

    @SqlUpdate("delete from role where id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("select implied_role_id from implied_role where prior_role_id = :id")
    List<String> implied(@Bind("id") String priorRoleId);

    @SqlUpdate("insert into implied_role (prior_role_id, implied_role_id) values (:prior, :implied)")
    void addImplied(@Bind("prior") String prior, @Bind("implied") String implied);

    @SqlUpdate("delete from implied_role where prior_role_id = :prior and implied_role_id = :implied")
    int removeImplied(@Bind("prior") String prior, @Bind("implied") String implied);

    /** An inference rule: {@code prior} implies {@code implied}. */
    record ImpliedRole(String priorRoleId, String impliedRoleId) {
    }

    @RegisterConstructorMapper(ImpliedRole.class)
    @SqlQuery("select prior_role_id, implied_role_id from implied_role")
    List<ImpliedRole> inferenceRules();

    @SqlQuery("select * from assignment")
    List<AssignmentRow> assignments();

    @SqlQuery("select * from assignment where actor_id in (<actors>)")
    List<AssignmentRow> assignmentsOf(@BindList("actors") List<String> actorIds);

    @SqlQuery("select * from assignment where type = :type and actor_id = :actor and target_id = :target and inherited = :inherited")
    List<AssignmentRow> grants(@Bind("type") String type, @Bind("actor") String actorId,
                               @Bind("target") String targetId, @Bind("inherited") boolean inherited);

    @SqlQuery("select count(*) from assignment where type = :type and actor_id = :actorId and target_id = :targetId and role_id = :roleId and inherited = :inherited")
    int countGrant(@BindMethods AssignmentRow row);

    @SqlUpdate("insert into assignment (type, actor_id, target_id, role_id, inherited) values (:type, :actorId, :targetId, :roleId, :inherited)")
    void grant(@BindMethods AssignmentRow row);

    @SqlUpdate("delete from assignment where type = :type and actor_id = :actorId and target_id = :targetId and role_id = :roleId and inherited = :inherited")
    int revoke(@BindMethods AssignmentRow row);

    @SqlQuery("select group_id from user_group where user_id = :userId")
    List<String> groupsOf(@Bind("userId") String userId);
}
