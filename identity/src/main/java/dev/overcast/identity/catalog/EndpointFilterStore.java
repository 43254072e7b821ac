package dev.overcast.identity.catalog;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** OS-EP-FILTER: endpoint groups and their (and single endpoints') project associations. */
@RegisterConstructorMapper(EndpointGroupRow.class)
public interface EndpointFilterStore {

    @SqlQuery("select * from endpoint_group where id = :id")
    Optional<EndpointGroupRow> findGroup(@Bind("id") String id);

    @SqlQuery("select * from endpoint_group order by name, id")
    List<EndpointGroupRow> groups();

    @SqlUpdate("insert into endpoint_group (id, name, description, filters) values (:id, :name, :description, :filters)")
    void insertGroup(@BindMethods EndpointGroupRow row);

    @SqlUpdate("update endpoint_group set name = :name, description = :description, filters = :filters where id = :id")
    void updateGroup(@BindMethods EndpointGroupRow row);

    @SqlUpdate("delete from endpoint_group where id = :id")
    int deleteGroup(@Bind("id") String id);

    @SqlQuery("select project_id from project_endpoint_group where endpoint_group_id = :groupId order by project_id")
    List<String> projectsOfGroup(@Bind("groupId") String groupId);

    @SqlQuery("select endpoint_group_id from project_endpoint_group where project_id = :projectId")
    List<String> groupsOfProject(@Bind("projectId") String projectId);

    @SqlQuery("select count(*) from project_endpoint_group where endpoint_group_id = :groupId and project_id = :projectId")
    int countGroupProject(@Bind("groupId") String groupId, @Bind("projectId") String projectId);

    @SqlUpdate("insert into project_endpoint_group (endpoint_group_id, project_id) values (:groupId, :projectId)")
    void addGroupProject(@Bind("groupId") String groupId, @Bind("projectId") String projectId);

    @SqlUpdate("delete from project_endpoint_group where endpoint_group_id = :groupId and project_id = :projectId")
    int removeGroupProject(@Bind("groupId") String groupId, @Bind("projectId") String projectId);

    @SqlQuery("select endpoint_id from project_endpoint where project_id = :projectId order by endpoint_id")
    List<String> endpointsOfProject(@Bind("projectId") String projectId);

    @SqlQuery("select project_id from project_endpoint where endpoint_id = :endpointId order by project_id")
    List<String> projectsOfEndpoint(@Bind("endpointId") String endpointId);

    @SqlQuery("select count(*) from project_endpoint where endpoint_id = :endpointId and project_id = :projectId")
    int countEndpointProject(@Bind("endpointId") String endpointId, @Bind("projectId") String projectId);

    @SqlUpdate("insert into project_endpoint (endpoint_id, project_id) values (:endpointId, :projectId)")
    void addEndpointProject(@Bind("endpointId") String endpointId, @Bind("projectId") String projectId);

    @SqlUpdate("delete from project_endpoint where endpoint_id = :endpointId and project_id = :projectId")
    int removeEndpointProject(@Bind("endpointId") String endpointId, @Bind("projectId") String projectId);
}
