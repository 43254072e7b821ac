package dev.overcast.network.subnets;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Subnets' rows, read and written inside the caller's transaction. */
public final class SubnetStore {
    private static final String COLUMNS = """
            id, name, network_id, project_id, ip_version, cidr, gateway_ip, enable_dhcp, ipv6_ra_mode,
            ipv6_address_mode, allocation_pools, dns_nameservers, host_routes, description, created_at, updated_at,
            revision_number, subnetpool_id""";
    private static final RowMapper<SubnetRow> MAPPER = ConstructorMapper.of(SubnetRow.class);

    private SubnetStore() {
    }

    public static Optional<SubnetRow> find(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from subnets where id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** A network's subnets, oldest first (the order ports take addresses from them). */
    public static List<SubnetRow> ofNetwork(Handle h, String networkId) {
        return h.createQuery("select " + COLUMNS + " from subnets where network_id = :id order by created_at, id")
                .bind("id", networkId).map(MAPPER).list();
    }

    /** Subnets of {@code project}'s own networks and of shared and external ones, or all for an admin. */
    static List<SubnetRow> visible(Handle h, String project, boolean admin) {
        return h.createQuery("select " + COLUMNS + " from subnets where :admin or project_id = :project"
                        + " or network_id in (select id from networks where shared or router_external)")
                .bind("admin", admin).bind("project", project).map(MAPPER).list();
    }

    static void insert(Handle h, SubnetRow row) {
        h.createUpdate("""
                insert into subnets (id, name, network_id, project_id, ip_version, cidr, gateway_ip, enable_dhcp,
                    ipv6_ra_mode, ipv6_address_mode, allocation_pools, dns_nameservers, host_routes, description,
                    created_at, updated_at, revision_number, subnetpool_id)
                values (:id, :name, :networkId, :projectId, :ipVersion, :cidr, :gatewayIp, :enableDhcp, :ipv6RaMode,
                    :ipv6AddressMode, :allocationPools, :dnsNameservers, :hostRoutes, :description, :createdAt,
                    :updatedAt, :revisionNumber, :subnetpoolId)""").bindMethods(row).execute();
    }

    static void update(Handle h, SubnetRow row) {
        h.createUpdate("""
                update subnets set name = :name, description = :description, gateway_ip = :gatewayIp,
                    enable_dhcp = :enableDhcp, allocation_pools = :allocationPools, dns_nameservers = :dnsNameservers,
                    host_routes = :hostRoutes, updated_at = :updatedAt, revision_number = :revisionNumber
                where id = :id""").bindMethods(row).execute();
    }

    /** Locks the subnet's row: the allocator takes the same lock, so no address is handed out meanwhile. */
    static Optional<SubnetRow> lock(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from subnets where id = :id for update").bind("id", id)
                .map(MAPPER).findOne();
    }

    /** Addresses on the subnet held by ports other than DHCP's, which would keep it from being deleted. */
    static int addressesInUse(Handle h, String subnetId) {
        return h.createQuery("select count(*) from ip_allocations a join ports p on p.id = a.port_id"
                        + " where a.subnet_id = :id and p.device_owner <> 'network:dhcp'")
                .bind("id", subnetId).mapTo(Integer.class).one();
    }

    /** Whether a port holds {@code ip} on the subnet (the gateway cannot move onto it). */
    static Optional<String> portHolding(Handle h, String subnetId, String ip) {
        return h.createQuery("select port_id from ip_allocations where subnet_id = :id and ip_address = :ip")
                .bind("id", subnetId).bind("ip", ip).mapTo(String.class).findFirst();
    }

    static void delete(Handle h, String id) {
        h.createUpdate("delete from ip_allocations where subnet_id = :id").bind("id", id).execute();
        h.createUpdate("delete from tags where resource_type = 'subnets' and resource_id = :id").bind("id", id).execute();
        h.createUpdate("delete from subnets where id = :id").bind("id", id).execute();
    }
}
