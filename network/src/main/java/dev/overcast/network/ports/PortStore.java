package dev.overcast.network.ports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import dev.overcast.network.ipam.IpAddress;

/** Ports' rows with their addresses and security groups, inside the caller's transaction. */
final class PortStore {
    private static final String COLUMNS = """
            id, name, network_id, project_id, mac_address, admin_state_up, status, device_id, device_owner,
            allowed_address_pairs, port_security_enabled, binding_host_id, binding_profile, binding_vnic_type,
            propagate_uplink_status, description, created_at, updated_at, revision_number""";
    private static final RowMapper<PortRow> MAPPER = ConstructorMapper.of(PortRow.class);
    /** IPv4 first, then by address: a stable order for fixed_ips. */
    private static final Comparator<FixedIp> ORDER = Comparator.comparing(
            (FixedIp f) -> IpAddress.parse(f.ipAddress()).orElseThrow());

    private PortStore() {
    }

    static Optional<PortRow> find(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from ports where id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static Optional<PortRow> lock(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from ports where id = :id for update").bind("id", id)
                .map(MAPPER).findOne();
    }

    /** Every port, or {@code project}'s. */
    static List<PortRow> visible(Handle h, String project, boolean admin) {
        return visible(h, project, admin, Map.of());
    }

    /**
     * As {@link #visible(Handle, String, boolean)}, narrowed in SQL by the listed columns' values
     * (a port list's {@code device_id} and {@code network_id} filters: compute lists a server's
     * ports by device_id, and should not read every port to do it).
     */
    static List<PortRow> visible(Handle h, String project, boolean admin, Map<String, List<String>> narrow) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ports where (:admin or project_id = :project)");
        narrow.keySet().forEach(column -> sql.append(" and ").append(column).append(" in (<").append(column).append(">)"));
        var query = h.createQuery(sql.toString()).bind("admin", admin).bind("project", project);
        narrow.forEach(query::bindList);
        return query.map(MAPPER).list();
    }

    static Port load(Handle h, PortRow row) {
        return new Port(row, fixedIps(h, row.id()), groups(h, row.id()));
    }

    static List<FixedIp> fixedIps(Handle h, String portId) {
        List<FixedIp> out = new ArrayList<>(h.createQuery(
                        "select subnet_id, ip_address from ip_allocations where port_id = :id")
                .bind("id", portId).map((rs, c) -> new FixedIp(rs.getString(1), rs.getString(2))).list());
        out.sort(ORDER);
        return out;
    }

    static List<String> groups(Handle h, String portId) {
        return h.createQuery("select security_group_id from port_security_groups where port_id = :id"
                + " order by security_group_id").bind("id", portId).mapTo(String.class).list();
    }

    /** Ports with their addresses and groups, reading each table once. */
    static List<Port> loadAll(Handle h, List<PortRow> rows) {
        Map<String, List<FixedIp>> ips = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        rows.forEach(r -> {
            ips.put(r.id(), new ArrayList<>());
            groups.put(r.id(), new ArrayList<>());
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        // One query per table for the whole page: all rows when the page is large, else by id.
        boolean few = rows.size() <= 100;
        String byPort = few ? " where port_id in (<ids>)" : "";
        List<String> ids = rows.stream().map(PortRow::id).toList();
        var allocations = h.createQuery("select port_id, subnet_id, ip_address from ip_allocations" + byPort);
        var groupRows = h.createQuery("select port_id, security_group_id from port_security_groups" + byPort
                + " order by security_group_id");
        if (few) {
            allocations.bindList("ids", ids);
            groupRows.bindList("ids", ids);
        }
        allocations.map((rs, c) -> Map.entry(rs.getString(1), new FixedIp(rs.getString(2), rs.getString(3))))
                .forEach(e -> {
                    List<FixedIp> list = ips.get(e.getKey());
                    if (list != null) {
                        list.add(e.getValue());
                    }
                });
        groupRows.map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    List<String> list = groups.get(e.getKey());
                    if (list != null) {
                        list.add(e.getValue());
                    }
                });
        return rows.stream().map(r -> {
            List<FixedIp> list = ips.get(r.id());
            list.sort(ORDER);
            return new Port(r, list, groups.get(r.id()));
        }).toList();
    }

    static boolean macInUse(Handle h, String networkId, String mac) {
        return h.createQuery("select count(*) from ports where network_id = :net and mac_address = :mac")
                .bind("net", networkId).bind("mac", mac).mapTo(Integer.class).one() > 0;
    }

    static void insert(Handle h, PortRow row) {
        h.createUpdate("""
                insert into ports (id, name, network_id, project_id, mac_address, admin_state_up, status, device_id,
                    device_owner, allowed_address_pairs, port_security_enabled, binding_host_id, binding_profile,
                    binding_vnic_type, propagate_uplink_status, description, created_at, updated_at, revision_number)
                values (:id, :name, :networkId, :projectId, :macAddress, :adminStateUp, :status, :deviceId,
                    :deviceOwner, :allowedAddressPairs, :portSecurityEnabled, :bindingHostId, :bindingProfile,
                    :bindingVnicType, :propagateUplinkStatus, :description, :createdAt, :updatedAt,
                    :revisionNumber)""").bindMethods(row).execute();
    }

    static void update(Handle h, PortRow row) {
        h.createUpdate("""
                update ports set name = :name, mac_address = :macAddress, admin_state_up = :adminStateUp,
                    status = :status, device_id = :deviceId, device_owner = :deviceOwner,
                    allowed_address_pairs = :allowedAddressPairs, port_security_enabled = :portSecurityEnabled,
                    binding_host_id = :bindingHostId, binding_profile = :bindingProfile,
                    binding_vnic_type = :bindingVnicType, propagate_uplink_status = :propagateUplinkStatus,
                    description = :description, updated_at = :updatedAt, revision_number = :revisionNumber
                where id = :id""").bindMethods(row).execute();
    }

    static void setGroups(Handle h, String portId, List<String> groups) {
        h.createUpdate("delete from port_security_groups where port_id = :id").bind("id", portId).execute();
        for (String group : groups) {
            h.createUpdate("insert into port_security_groups (port_id, security_group_id) values (:port, :group)")
                    .bind("port", portId).bind("group", group).execute();
        }
    }

    static void delete(Handle h, String id) {
        h.createUpdate("delete from ip_allocations where port_id = :id").bind("id", id).execute();
        h.createUpdate("delete from port_security_groups where port_id = :id").bind("id", id).execute();
        h.createUpdate("delete from tags where resource_type = 'ports' and resource_id = :id").bind("id", id).execute();
        h.createUpdate("delete from ports where id = :id").bind("id", id).execute();
    }
}
