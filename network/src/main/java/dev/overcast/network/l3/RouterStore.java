package dev.overcast.network.l3;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Routers and their interface ports. */
@RegisterConstructorMapper(RouterRow.class)
@RegisterConstructorMapper(RouterStore.RouterPort.class)
interface RouterStore {
    String COLUMNS = "id, project_id, name, description, admin_state_up, status, gw_network_id, gw_port_id, "
            + "enable_snat, availability_zone_hints, routes, created_at, updated_at, revision_number";

    /** One interface: a port of the router on a network. */
    public record RouterPort(String portId, String routerId, String networkId) {
    }

    @SqlQuery("select " + COLUMNS + " from routers where id = :id")
    Optional<RouterRow> find(@Bind("id") String id);

    /** The router, its row locked until the transaction ends: writes to one router take turns. */
    @SqlQuery("select " + COLUMNS + " from routers where id = :id for update")
    Optional<RouterRow> lock(@Bind("id") String id);

    @SqlQuery("select " + COLUMNS + " from routers order by created_at, id")
    List<RouterRow> all();

    @SqlQuery("select " + COLUMNS + " from routers where project_id = :project order by created_at, id")
    List<RouterRow> ofProject(@Bind("project") String projectId);

    @SqlQuery("select " + COLUMNS + " from routers where gw_network_id = :network order by created_at, id")
    List<RouterRow> withGatewayOn(@Bind("network") String networkId);

    @SqlQuery("select " + COLUMNS + " from routers where gw_port_id = :port")
    Optional<RouterRow> withGatewayPort(@Bind("port") String portId);

    @SqlUpdate("insert into routers (" + COLUMNS + ") values (:id, :projectId, :name, :description, :adminStateUp, "
            + ":status, :gwNetworkId, :gwPortId, :enableSnat, :availabilityZoneHints, :routes, :createdAt, "
            + ":updatedAt, :revisionNumber)")
    void insert(@BindMethods RouterRow row);

    @SqlUpdate("update routers set name = :name, description = :description, admin_state_up = :adminStateUp, "
            + "gw_network_id = :gwNetworkId, gw_port_id = :gwPortId, enable_snat = :enableSnat, routes = :routes, "
            + "updated_at = :updatedAt, revision_number = :revisionNumber where id = :id")
    void update(@BindMethods RouterRow row);

    @SqlUpdate("delete from routers where id = :id")
    void delete(@Bind("id") String id);

    @SqlQuery("select port_id, router_id, network_id from router_ports where router_id = :router order by port_id")
    List<RouterPort> ports(@Bind("router") String routerId);

    @SqlQuery("select port_id, router_id, network_id from router_ports where port_id = :port")
    Optional<RouterPort> port(@Bind("port") String portId);

    @SqlQuery("select port_id, router_id, network_id from router_ports where router_id in (<routers>) "
            + "and network_id = :network order by router_id, port_id")
    List<RouterPort> portsOn(@BindList("routers") List<String> routerIds, @Bind("network") String networkId);

    @SqlUpdate("insert into router_ports (port_id, router_id, network_id) values (:portId, :routerId, :networkId)")
    void insertPort(@BindMethods RouterPort port);

    @SqlUpdate("delete from router_ports where port_id = :port")
    void deletePort(@Bind("port") String portId);
}
