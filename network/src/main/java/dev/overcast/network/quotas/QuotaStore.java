package dev.overcast.network.quotas;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The limits admins set, and the per-project lock every quota check takes. */
@RegisterConstructorMapper(QuotaStore.Limit.class)
interface QuotaStore {

    /** One limit other than the default. */
    record Limit(String projectId, String resource, int hardLimit) {
    }

    @SqlQuery("select project_id, resource, hard_limit from quotas where project_id = :project")
    List<Limit> limitsOf(@Bind("project") String projectId);

    @SqlQuery("select project_id, resource, hard_limit from quotas order by project_id, resource")
    List<Limit> allLimits();

    @SqlUpdate("update quotas set hard_limit = :limit where project_id = :project and resource = :resource")
    int update(@Bind("project") String projectId, @Bind("resource") String resource, @Bind("limit") int limit);

    @SqlUpdate("insert into quotas (project_id, resource, hard_limit) values (:project, :resource, :limit) "
            + "on conflict do nothing")
    int insert(@Bind("project") String projectId, @Bind("resource") String resource, @Bind("limit") int limit);

    @SqlUpdate("delete from quotas where project_id = :project")
    int deleteAll(@Bind("project") String projectId);

    @SqlUpdate("insert into quota_locks (project_id) values (:project) on conflict do nothing")
    void addLock(@Bind("project") String projectId);

    @SqlQuery("select project_id from quota_locks where project_id = :project for update")
    List<String> lock(@Bind("project") String projectId);
}
