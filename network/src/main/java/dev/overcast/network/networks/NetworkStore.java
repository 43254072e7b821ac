package dev.overcast.network.networks;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Networks' rows, read and written inside the caller's transaction. */
public final class NetworkStore {
    private static final String COLUMNS = """
            id, name, project_id, admin_state_up, status, shared, router_external, is_default, mtu,
            port_security_enabled, availability_zone_hints, network_type, physical_network, segmentation_id,
            segment_key, description, created_at, updated_at, revision_number""";

    private static final RowMapper<NetworkRow> MAPPER = ConstructorMapper.of(NetworkRow.class);

    private NetworkStore() {
    }

    public static Optional<NetworkRow> find(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from networks where id = :id").bind("id", id)
                .map(MAPPER).findOne();
    }

    /** The network, its row locked until the transaction ends: ports and subnets are added under it. */
    public static Optional<NetworkRow> lock(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from networks where id = :id for update").bind("id", id)
                .map(MAPPER).findOne();
    }

    /** Every network, or those {@code project} owns or may use (shared and external ones). */
    static List<NetworkRow> visible(Handle h, String project, boolean admin) {
        return h.createQuery("select " + COLUMNS + " from networks where :admin or project_id = :project"
                        + " or shared or router_external")
                .bind("admin", admin).bind("project", project).map(MAPPER).list();
    }

    static void insert(Handle h, NetworkRow row) {
        h.createUpdate("""
                insert into networks (id, name, project_id, admin_state_up, status, shared, router_external,
                    is_default, mtu, port_security_enabled, availability_zone_hints, network_type, physical_network,
                    segmentation_id, segment_key, description, created_at, updated_at, revision_number)
                values (:id, :name, :projectId, :adminStateUp, :status, :shared, :routerExternal, :isDefault, :mtu,
                    :portSecurityEnabled, :availabilityZoneHints, :networkType, :physicalNetwork, :segmentationId,
                    :segmentKey, :description, :createdAt, :updatedAt, :revisionNumber)""")
                .bindMethods(row).execute();
    }

    static void update(Handle h, NetworkRow row) {
        h.createUpdate("""
                update networks set name = :name, description = :description, admin_state_up = :adminStateUp,
                    shared = :shared, router_external = :routerExternal, is_default = :isDefault, mtu = :mtu,
                    port_security_enabled = :portSecurityEnabled, updated_at = :updatedAt,
                    revision_number = :revisionNumber
                where id = :id""").bindMethods(row).execute();
    }

    static void delete(Handle h, String id) {
        h.createUpdate("delete from networks where id = :id").bind("id", id).execute();
    }

    /** Subnet ids of each network, for the {@code subnets} attribute. */
    static List<String> subnetIds(Handle h, String networkId) {
        return h.createQuery("select id from subnets where network_id = :id order by created_at, id")
                .bind("id", networkId).mapTo(String.class).list();
    }

    static List<java.util.Map.Entry<String, String>> allSubnetIds(Handle h) {
        return h.createQuery("select network_id, id from subnets order by created_at, id")
                .map((rs, c) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    /** The segmentation ids of {@code type} in use (on {@code physicalNetwork}, when it has one). */
    static List<Integer> segmentationIds(Handle h, String type, String physicalNetwork) {
        String physnet = physicalNetwork == null ? "physical_network is null" : "physical_network = :physnet";
        return h.createQuery("select segmentation_id from networks where network_type = :type"
                        + " and segmentation_id is not null and " + physnet + " order by segmentation_id")
                .bind("type", type).bind("physnet", physicalNetwork == null ? "" : physicalNetwork)
                .mapTo(Integer.class).list();
    }

    static boolean segmentKeyTaken(Handle h, String key) {
        return h.createQuery("select count(*) from networks where segment_key = :key").bind("key", key)
                .mapTo(Integer.class).one() > 0;
    }

    /**
     * Ports that keep a network from being deleted: all but its DHCP ports, which go with it as in
     * Neutron (a router's interface or gateway and a floating IP's port keep it, as a server's do).
     */
    static int portsInUse(Handle h, String networkId) {
        return h.createQuery("select count(*) from ports where network_id = :id and device_owner <> 'network:dhcp'")
                .bind("id", networkId).mapTo(Integer.class).one();
    }

    /** Whether another project than the owner has ports on the network (it cannot stop being shared then). */
    static boolean usedByOtherProjects(Handle h, String networkId, String owner) {
        return h.createQuery("select count(*) from ports where network_id = :id and project_id <> :owner")
                .bind("id", networkId).bind("owner", owner).mapTo(Integer.class).one() > 0;
    }

    /** Removes the network's ports (its DHCP ports, once {@link #portsInUse} is 0), their addresses and its subnets. */
    static void deleteContents(Handle h, String networkId) {
        h.createUpdate("delete from ip_allocations where network_id = :id").bind("id", networkId).execute();
        h.createUpdate("delete from port_security_groups where port_id in (select id from ports where network_id = :id)")
                .bind("id", networkId).execute();
        h.createUpdate("delete from tags where resource_type = 'ports' and resource_id in"
                + " (select id from ports where network_id = :id)").bind("id", networkId).execute();
        h.createUpdate("delete from ports where network_id = :id").bind("id", networkId).execute();
        h.createUpdate("delete from tags where resource_type = 'subnets' and resource_id in"
                + " (select id from subnets where network_id = :id)").bind("id", networkId).execute();
        h.createUpdate("delete from subnets where network_id = :id").bind("id", networkId).execute();
    }
}
