package dev.overcast.identity.catalog;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Regions, services and endpoints. */
@RegisterConstructorMapper(ServiceRow.class)
@RegisterConstructorMapper(RegionRow.class)
public interface CatalogStore {

    @SqlQuery("select * from region where id = :id")
    Optional<RegionRow> findRegion(@Bind("id") String id);

    @SqlQuery("select * from region order by id")
    List<RegionRow> regions();

    @SqlUpdate("insert into region (id, description, parent_region_id, extra) values (:id, :description, :parentRegionId, :extra)")
    void insertRegion(@BindMethods RegionRow row);

    @SqlUpdate("update region set description = :description, parent_region_id = :parentRegionId, extra = :extra where id = :id")
    void updateRegion(@BindMethods RegionRow row);

    @SqlUpdate("delete from region where id = :id")
    int deleteRegion(@Bind("id") String id);

    @SqlQuery("select * from service where id = :id")
    Optional<ServiceRow> findService(@Bind("id") String id);

    @SqlQuery("select * from service order by type, id")
    List<ServiceRow> services();

    @SqlUpdate("insert into service (id, type, enabled, extra) values (:id, :type, :enabled, :extra)")
    void insertService(@BindMethods ServiceRow row);

    @SqlUpdate("update service set type = :type, enabled = :enabled, extra = :extra where id = :id")
    void updateService(@BindMethods ServiceRow row);

    @SqlUpdate("delete from service where id = :id")
    int deleteService(@Bind("id") String id);

    String ENDPOINT_COLUMNS = "id, service_id, interface as interface_name, url, region_id, enabled, extra";

    @RegisterConstructorMapper(EndpointRow.class)
    @SqlQuery("select " + ENDPOINT_COLUMNS + " from endpoint where id = :id")
    Optional<EndpointRow> findEndpoint(@Bind("id") String id);

    @RegisterConstructorMapper(EndpointRow.class)
    @SqlQuery("select " + ENDPOINT_COLUMNS + " from endpoint order by id")
    List<EndpointRow> endpoints();

    @SqlUpdate("""
            insert into endpoint (id, service_id, interface, url, region_id, enabled, extra)
            values (:id, :serviceId, :interfaceName, :url, :regionId, :enabled, :extra)""")
    void insertEndpoint(@BindMethods EndpointRow row);

    @SqlUpdate("""
            update endpoint set service_id = :serviceId, interface = :interfaceName, url = :url,
                region_id = :regionId, enabled = :enabled, extra = :extra where id = :id""")
    void updateEndpoint(@BindMethods EndpointRow row);

    @SqlUpdate("delete from endpoint where id = :id")
    int deleteEndpoint(@Bind("id") String id);
}
