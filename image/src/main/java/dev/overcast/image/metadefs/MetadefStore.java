package dev.overcast.image.metadefs;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The metadata definitions catalog's tables. Children go with their namespace (on delete cascade). */
@RegisterConstructorMapper(Rows.Namespace.class)
@RegisterConstructorMapper(Rows.MetadefObject.class)
@RegisterConstructorMapper(Rows.Property.class)
@RegisterConstructorMapper(Rows.Tag.class)
@RegisterConstructorMapper(Rows.ResourceType.class)
@RegisterConstructorMapper(Rows.Association.class)
interface MetadefStore {
    String NAMESPACE = "id, name, display_name, description, visibility, protected as is_protected, owner, created_at, updated_at";

    // Namespaces

    @SqlQuery("select " + NAMESPACE + " from metadef_namespace where name = :name")
    Optional<Rows.Namespace> namespace(@Bind("name") String name);

    /** Every namespace {@code project} may see; all of them when {@code all}. */
    @SqlQuery("select " + NAMESPACE + " from metadef_namespace"
            + " where :all or visibility = 'public' or owner is null or owner = :project")
    List<Rows.Namespace> visibleNamespaces(@Bind("all") boolean all, @Bind("project") String project);

    @SqlUpdate("insert into metadef_namespace (id, name, display_name, description, visibility, protected, owner,"
            + " created_at, updated_at) values (:id, :name, :displayName, :description, :visibility, :isProtected,"
            + " :owner, :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.Namespace row);

    @SqlUpdate("update metadef_namespace set name = :name, display_name = :displayName, description = :description,"
            + " visibility = :visibility, protected = :isProtected, owner = :owner, updated_at = :updatedAt"
            + " where id = :id")
    void update(@BindMethods Rows.Namespace row);

    @SqlUpdate("delete from metadef_namespace where id = :id")
    void deleteNamespace(@Bind("id") String id);

    // Objects

    String OBJECT = "namespace_id, name, description, required, properties, created_at, updated_at";

    @SqlQuery("select " + OBJECT + " from metadef_object where namespace_id = :ns order by name")
    List<Rows.MetadefObject> objects(@Bind("ns") String namespaceId);

    @SqlQuery("select " + OBJECT + " from metadef_object where namespace_id = :ns and name = :name")
    Optional<Rows.MetadefObject> object(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("insert into metadef_object (" + OBJECT + ") values (:namespaceId, :name, :description, :required,"
            + " :properties, :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.MetadefObject row);

    @SqlUpdate("update metadef_object set name = :row.name, description = :row.description,"
            + " required = :row.required, properties = :row.properties, updated_at = :row.updatedAt"
            + " where namespace_id = :row.namespaceId and name = :old")
    void update(@Bind("old") String oldName, @BindMethods("row") Rows.MetadefObject row);

    @SqlUpdate("delete from metadef_object where namespace_id = :ns and name = :name")
    int deleteObject(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("delete from metadef_object where namespace_id = :ns")
    void deleteObjects(@Bind("ns") String namespaceId);

    // Properties

    String PROPERTY = "namespace_id, name, definition, created_at, updated_at";

    @SqlQuery("select " + PROPERTY + " from metadef_property where namespace_id = :ns order by name")
    List<Rows.Property> properties(@Bind("ns") String namespaceId);

    @SqlQuery("select " + PROPERTY + " from metadef_property where namespace_id = :ns and name = :name")
    Optional<Rows.Property> property(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("insert into metadef_property (" + PROPERTY + ") values (:namespaceId, :name, :definition,"
            + " :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.Property row);

    @SqlUpdate("update metadef_property set name = :row.name, definition = :row.definition,"
            + " updated_at = :row.updatedAt where namespace_id = :row.namespaceId and name = :old")
    void update(@Bind("old") String oldName, @BindMethods("row") Rows.Property row);

    @SqlUpdate("delete from metadef_property where namespace_id = :ns and name = :name")
    int deleteProperty(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("delete from metadef_property where namespace_id = :ns")
    void deleteProperties(@Bind("ns") String namespaceId);

    // Tags

    String TAG = "namespace_id, name, created_at, updated_at";

    @SqlQuery("select " + TAG + " from metadef_tag where namespace_id = :ns order by name")
    List<Rows.Tag> tags(@Bind("ns") String namespaceId);

    @SqlQuery("select " + TAG + " from metadef_tag where namespace_id = :ns and name = :name")
    Optional<Rows.Tag> tag(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("insert into metadef_tag (" + TAG + ") values (:namespaceId, :name, :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.Tag row);

    @SqlUpdate("update metadef_tag set name = :row.name, updated_at = :row.updatedAt"
            + " where namespace_id = :row.namespaceId and name = :old")
    void update(@Bind("old") String oldName, @BindMethods("row") Rows.Tag row);

    @SqlUpdate("delete from metadef_tag where namespace_id = :ns and name = :name")
    int deleteTag(@Bind("ns") String namespaceId, @Bind("name") String name);

    @SqlUpdate("delete from metadef_tag where namespace_id = :ns")
    void deleteTags(@Bind("ns") String namespaceId);

    // Resource types and their associations

    String RESOURCE_TYPE = "name, protected as is_protected, created_at, updated_at";
    String ASSOCIATION = "namespace_id, resource_type, prefix, properties_target, created_at, updated_at";

    @SqlQuery("select " + RESOURCE_TYPE + " from metadef_resource_type order by name")
    List<Rows.ResourceType> resourceTypes();

    @SqlQuery("select " + RESOURCE_TYPE + " from metadef_resource_type where name = :name")
    Optional<Rows.ResourceType> resourceType(@Bind("name") String name);

    @SqlUpdate("insert into metadef_resource_type (name, protected, created_at, updated_at)"
            + " values (:name, :isProtected, :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.ResourceType row);

    @SqlQuery("select " + ASSOCIATION + " from metadef_association where namespace_id = :ns order by resource_type")
    List<Rows.Association> associations(@Bind("ns") String namespaceId);

    @SqlQuery("select " + ASSOCIATION + " from metadef_association order by resource_type")
    List<Rows.Association> allAssociations();

    @SqlQuery("select " + ASSOCIATION + " from metadef_association where namespace_id = :ns and resource_type = :rt")
    Optional<Rows.Association> association(@Bind("ns") String namespaceId, @Bind("rt") String resourceType);

    @SqlUpdate("insert into metadef_association (" + ASSOCIATION + ") values (:namespaceId, :resourceType, :prefix,"
            + " :propertiesTarget, :createdAt, :updatedAt)")
    void insert(@BindMethods Rows.Association row);

    @SqlUpdate("delete from metadef_association where namespace_id = :ns and resource_type = :rt")
    int deleteAssociation(@Bind("ns") String namespaceId, @Bind("rt") String resourceType);
}
