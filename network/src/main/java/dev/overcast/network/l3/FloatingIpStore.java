package dev.overcast.network.l3;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Floating IPs. */
@RegisterConstructorMapper(FloatingIpRow.class)
interface FloatingIpStore {
    String COLUMNS = "id, project_id, floating_ip_address, floating_network_id, floating_port_id, fixed_port_id, "
            + "fixed_ip_address, router_id, status, description, created_at, updated_at, revision_number";

    @SqlQuery("select " + COLUMNS + " from floatingips where id = :id")
    Optional<FloatingIpRow> find(@Bind("id") String id);

    @SqlQuery("select " + COLUMNS + " from floatingips where id = :id for update")
    Optional<FloatingIpRow> lock(@Bind("id") String id);

    @SqlQuery("select " + COLUMNS + " from floatingips order by created_at, id")
    List<FloatingIpRow> all();

    @SqlQuery("select " + COLUMNS + " from floatingips where project_id = :project order by created_at, id")
    List<FloatingIpRow> ofProject(@Bind("project") String projectId);

    @SqlQuery("select " + COLUMNS + " from floatingips where fixed_port_id = :port order by id")
    List<FloatingIpRow> onPort(@Bind("port") String portId);

    @SqlQuery("select " + COLUMNS + " from floatingips where router_id = :router order by id")
    List<FloatingIpRow> throughRouter(@Bind("router") String routerId);

    @SqlQuery("select " + COLUMNS + " from floatingips where floating_port_id = :port")
    Optional<FloatingIpRow> holdingPort(@Bind("port") String portId);

    @SqlUpdate("insert into floatingips (" + COLUMNS + ") values (:id, :projectId, :floatingIpAddress, "
            + ":floatingNetworkId, :floatingPortId, :fixedPortId, :fixedIpAddress, :routerId, :status, :description, "
            + ":createdAt, :updatedAt, :revisionNumber)")
    void insert(@BindMethods FloatingIpRow row);

    @SqlUpdate("update floatingips set fixed_port_id = :fixedPortId, fixed_ip_address = :fixedIpAddress, "
            + "router_id = :routerId, status = :status, description = :description, updated_at = :updatedAt, "
            + "revision_number = :revisionNumber where id = :id")
    void update(@BindMethods FloatingIpRow row);

    @SqlUpdate("delete from floatingips where id = :id")
    void delete(@Bind("id") String id);
}
