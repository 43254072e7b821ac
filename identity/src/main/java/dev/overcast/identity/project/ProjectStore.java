package dev.overcast.identity.project;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Projects, domains (projects with is_domain) and project tags. */
@RegisterConstructorMapper(ProjectRow.class)
public interface ProjectStore {

    @SqlQuery("select * from project where id = :id")
    Optional<ProjectRow> find(@Bind("id") String id);

    @SqlQuery("select * from project where id = :id and is_domain = true")
    Optional<ProjectRow> findDomain(@Bind("id") String id);

    @SqlQuery("select * from project where name = :name and domain_id = '" + ProjectRow.ROOT + "'")
    Optional<ProjectRow> findDomainByName(@Bind("name") String name);

    @SqlQuery("select * from project where name = :name and domain_id = :domainId")
    Optional<ProjectRow> findByName(@Bind("name") String name, @Bind("domainId") String domainId);

    @SqlQuery("select * from project where is_domain = :isDomain order by name, id")
    List<ProjectRow> list(@Bind("isDomain") boolean isDomain);

    @SqlQuery("select * from project where parent_id = :parentId and is_domain = false order by name, id")
    List<ProjectRow> children(@Bind("parentId") String parentId);

    @SqlQuery("select * from project where id in (<ids>) order by name, id")
    List<ProjectRow> findAll(@BindList("ids") List<String> ids);

    @SqlQuery("select count(*) from project where parent_id = :id and is_domain = false")
    int childCount(@Bind("id") String id);

    @SqlUpdate("""
            insert into project (id, name, domain_id, parent_id, description, enabled, is_domain, extra, created_at)
            values (:id, :name, :domainId, :parentId, :description, :enabled, :isDomain, :extra, :createdAt)""")
    void insert(@BindMethods ProjectRow row);

    @SqlUpdate("""
            update project set name = :name, description = :description, enabled = :enabled, extra = :extra
            where id = :id""")
    void update(@BindMethods ProjectRow row);

    @SqlUpdate("delete from project where id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("select tag from project_tag where project_id = :id order by tag")
    List<String> tags(@Bind("id") String projectId);

    @SqlUpdate("insert into project_tag (project_id, tag) values (:id, :tag)")
    void addTag(@Bind("id") String projectId, @Bind("tag") String tag);

    @SqlUpdate("delete from project_tag where project_id = :id and tag = :tag")
    int removeTag(@Bind("id") String projectId, @Bind("tag") String tag);

    @SqlUpdate("delete from project_tag where project_id = :id")
    void clearTags(@Bind("id") String projectId);

    @SqlQuery("select project_id from project_tag where tag = :tag")
    List<String> withTag(@Bind("tag") String tag);
}
