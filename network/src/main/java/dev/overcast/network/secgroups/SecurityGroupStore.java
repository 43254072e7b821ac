package dev.overcast.network.secgroups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Security groups, their rules, the default group of each project, and which ports use a group. */
@RegisterConstructorMapper(GroupRow.class)
@RegisterConstructorMapper(RuleRow.class)
@RegisterConstructorMapper(SecurityGroupStore.Tag.class)
interface SecurityGroupStore {

    /** One tag of one group. */
    record Tag(String resourceId, String tag) {
    }

    String GROUP = "id, project_id, name, description, stateful, created_at, updated_at, revision_number";
    /** How the tags table names security groups: by their collection, as the tags API does. */
    String TAG_TYPE = "security-groups";
    String RULE = "id, security_group_id, project_id, direction, ethertype, protocol, port_range_min, "
            + "port_range_max, remote_ip_prefix, remote_group_id, description, created_at, updated_at, revision_number";

    @SqlQuery("select " + GROUP + " from security_groups where id = :id")
    Optional<GroupRow> group(@Bind("id") String id);

    /** The group, its row locked until the transaction ends (a delete against a port that joins it). */
    @SqlQuery("select " + GROUP + " from security_groups where id = :id for update")
    Optional<GroupRow> lockGroup(@Bind("id") String id);

    @SqlQuery("select " + GROUP + " from security_groups order by created_at, id")
    List<GroupRow> allGroups();

    @SqlQuery("select " + GROUP + " from security_groups where project_id = :project order by created_at, id")
    List<GroupRow> groupsOf(@Bind("project") String projectId);

    @SqlUpdate("insert into security_groups (" + GROUP + ") values (:id, :projectId, :name, :description, :stateful, "
            + ":createdAt, :updatedAt, :revisionNumber)")
    void insertGroup(@BindMethods GroupRow row);

    @SqlUpdate("update security_groups set name = :name, description = :description, stateful = :stateful, "
            + "updated_at = :updatedAt, revision_number = :revisionNumber where id = :id")
    void updateGroup(@BindMethods GroupRow row);

    /** A rule added or removed is a new revision of its group, as upstream. */
    @SqlUpdate("update security_groups set updated_at = :at, revision_number = revision_number + 1 where id = :id")
    void touchGroup(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("delete from security_groups where id = :id")
    int deleteGroup(@Bind("id") String id);

    @SqlQuery("select " + RULE + " from security_group_rules where id = :id")
    Optional<RuleRow> rule(@Bind("id") String id);

    @SqlQuery("select " + RULE + " from security_group_rules order by created_at, id")
    List<RuleRow> allRules();

    @SqlQuery("select " + RULE + " from security_group_rules where project_id = :project order by created_at, id")
    List<RuleRow> rulesOf(@Bind("project") String projectId);

    @SqlQuery("select " + RULE + " from security_group_rules where security_group_id in (<groups>) "
            + "order by created_at, id")
    List<RuleRow> rulesIn(@BindList("groups") Collection<String> groupIds);

    @SqlUpdate("insert into security_group_rules (" + RULE + ") values (:id, :securityGroupId, :projectId, "
            + ":direction, :ethertype, :protocol, :portRangeMin, :portRangeMax, :remoteIpPrefix, :remoteGroupId, "
            + ":description, :createdAt, :updatedAt, :revisionNumber)")
    void insertRule(@BindMethods RuleRow row);

    @SqlUpdate("delete from security_group_rules where id = :id")
    int deleteRule(@Bind("id") String id);

    @SqlQuery("select security_group_id from default_security_groups where project_id = :project")
    Optional<String> defaultGroupOf(@Bind("project") String projectId);

    /** 1 when this transaction made {@code groupId} the project's default, 0 when another one did first. */
    @SqlUpdate("insert into default_security_groups (project_id, security_group_id) values (:project, :group) "
            + "on conflict do nothing")
    int claimDefault(@Bind("project") String projectId, @Bind("group") String groupId);

    @SqlQuery("select count(*) from port_security_groups where security_group_id = :group")
    int portsUsing(@Bind("group") String groupId);

    @SqlQuery("select resource_id, tag from tags where resource_type = '" + TAG_TYPE + "' and resource_id in (<ids>) "
            + "order by tag")
    List<Tag> tagsIn(@BindList("ids") Collection<String> groupIds);

    @SqlUpdate("delete from tags where resource_type = '" + TAG_TYPE + "' and resource_id = :id")
    void deleteTags(@Bind("id") String id);
}
