package dev.overcast.network.subnetpools;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import dev.overcast.network.ipam.Cidr;

/** Subnet pools' rows, inside the caller's transaction. */
final class SubnetPoolStore {
    private static final String COLUMNS = """
            id, name, project_id, ip_version, prefixes, default_prefixlen, min_prefixlen, max_prefixlen, shared,
            is_default, description, created_at, updated_at, revision_number""";
    private static final RowMapper<SubnetPoolRow> MAPPER = ConstructorMapper.of(SubnetPoolRow.class);

    private SubnetPoolStore() {
    }

    static Optional<SubnetPoolRow> find(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from subnetpools where id = :id").bind("id", id).map(MAPPER)
                .findOne();
    }

    static Optional<SubnetPoolRow> lock(Handle h, String id) {
        return h.createQuery("select " + COLUMNS + " from subnetpools where id = :id for update").bind("id", id)
                .map(MAPPER).findOne();
    }

    static Optional<SubnetPoolRow> defaultFor(Handle h, int version) {
        return h.createQuery("select " + COLUMNS + " from subnetpools where is_default and ip_version = :v")
                .bind("v", version).map(MAPPER).findFirst();
    }

    static List<SubnetPoolRow> visible(Handle h, String project, boolean admin) {
        return h.createQuery("select " + COLUMNS + " from subnetpools where :admin or project_id = :p or shared")
                .bind("admin", admin).bind("p", project).map(MAPPER).list();
    }

    static List<Cidr> allocated(Handle h, String poolId) {
        return h.createQuery("select cidr from subnets where subnetpool_id = :id").bind("id", poolId)
                .mapTo(String.class).list().stream().map(c -> Cidr.parse(c).orElseThrow().normalized()).toList();
    }

    static void insert(Handle h, SubnetPoolRow row) {
        h.createUpdate("""
                insert into subnetpools (id, name, project_id, ip_version, prefixes, default_prefixlen, min_prefixlen,
                    max_prefixlen, shared, is_default, description, created_at, updated_at, revision_number)
                values (:id, :name, :projectId, :ipVersion, :prefixes, :defaultPrefixlen, :minPrefixlen,
                    :maxPrefixlen, :shared, :isDefault, :description, :createdAt, :updatedAt, :revisionNumber)""")
                .bindMethods(row).execute();
    }

    static void update(Handle h, SubnetPoolRow row) {
        h.createUpdate("""
                update subnetpools set name = :name, prefixes = :prefixes, default_prefixlen = :defaultPrefixlen,
                    min_prefixlen = :minPrefixlen, max_prefixlen = :maxPrefixlen, is_default = :isDefault,
                    description = :description, updated_at = :updatedAt, revision_number = :revisionNumber
                where id = :id""").bindMethods(row).execute();
    }

    static void delete(Handle h, String id) {
        h.createUpdate("delete from tags where resource_type = 'subnetpools' and resource_id = :id").bind("id", id)
                .execute();
        h.createUpdate("delete from subnetpools where id = :id").bind("id", id).execute();
    }

    static int subnetsUsing(Handle h, String id) {
        return h.createQuery("select count(*) from subnets where subnetpool_id = :id").bind("id", id)
                .mapTo(Integer.class).one();
    }
}
