package dev.overcast.compute.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.scheduler.ServerGroup;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Server groups and their members in the API database: what the API lists and what the
 * conductor reads when it boots a server into a group.
 *
 * <p>For the conductor: {@link #find}, {@link #addMember} when a server joins a group at boot,
 * {@link #removeMember} when a server is deleted, {@link #members}, and {@link #schedulerGroup},
 * which gives the scheduler the group with the hosts its members run on.
 */
public final class ServerGroupStore {
    private final Jdbi api;
    private final Clock clock;

    public ServerGroupStore(Jdbi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ServerGroupStore(ComputeContext ctx) {
        this(ctx.api(), ctx.clock());
    }

    /** Nova's {@code InstanceGroupNotFound}. */
    public static ApiException notFound(String uuid) {
        return ApiException.notFound("Instance group " + uuid + " could not be found.");
    }

    /** The live group {@code uuid}. */
    public Optional<Group> find(String uuid) {
        return api.withHandle(h -> load(h, "g.uuid = :uuid", Map.of("uuid", uuid), -1, 0)).stream().findFirst();
    }

    /**
     * Live groups by id, {@code offset} groups skipped and at most {@code limit} shown.
     *
     * @param projectId the project whose groups to list, or null for every project's
     */
    public List<Group> list(String projectId, int offset, int limit) {
        return api.withHandle(h -> projectId == null
                ? load(h, "1 = 1", Map.of(), limit, offset)
                : load(h, "g.project_id = :project", Map.of("project", projectId), limit, offset));
    }

    /** How many live groups {@code projectId} has, for the quota. */
    public long countInProject(String projectId) {
        return api.withHandle(h -> h.createQuery(
                        "select count(*) from instance_groups where project_id = :project and deleted = false")
                .bind("project", projectId).mapTo(Long.class).one());
    }

    /**
     * Makes a group.
     *
     * @param maxServerPerHost the anti-affinity rule, or null for none
     */
    public Group create(String name, String projectId, String userId, ServerGroup.Policy policy,
                        Integer maxServerPerHost) {
        String uuid = UUID.randomUUID().toString();
        String rules = maxServerPerHost == null ? null : Json.write(Map.of("max_server_per_host", maxServerPerHost));
        api.useHandle(h -> h.createUpdate("""
                        insert into instance_groups (uuid, name, project_id, user_id, policy, rules, created_at, deleted)
                        values (:uuid, :name, :project, :user, :policy, :rules, :now, false)""")
                .bind("uuid", uuid).bind("name", name).bind("project", projectId).bind("user", userId)
                .bind("policy", policy.apiName()).bind("rules", rules).bind("now", clock.instant()).execute());
        return find(uuid).orElseThrow();
    }

    /** Deletes a group and forgets its members; false when there was no such live group. */
    public boolean delete(String uuid) {
        Instant now = clock.instant();
        return api.inTransaction(h -> {
            Optional<Long> id = lockId(h, uuid);
            if (id.isEmpty()) {
                return false;
            }
            h.createUpdate("delete from instance_group_member where group_id = :id").bind("id", id.get()).execute();
            h.createUpdate("update instance_groups set deleted = true, deleted_at = :now, updated_at = :now "
                    + "where id = :id").bind("now", now).bind("id", id.get()).execute();
            return true;
        });
    }

    /**
     * Adds {@code instanceUuid} to the group, as Nova's {@code InstanceGroup.add_members} when a
     * server is booted into it; adding a member twice changes nothing.
     *
     * @throws ApiException 404 when there is no such live group (it was deleted meanwhile)
     */
    public void addMember(String groupUuid, String instanceUuid) {
        Instant now = clock.instant();
        api.useTransaction(h -> {
            long id = lockId(h, groupUuid).orElseThrow(() -> notFound(groupUuid));
            boolean present = h.createQuery("select count(*) from instance_group_member "
                            + "where group_id = :id and instance_uuid = :instance")
                    .bind("id", id).bind("instance", instanceUuid).mapTo(Long.class).one() > 0;
            if (!present) {
                h.createUpdate("insert into instance_group_member (group_id, instance_uuid, created_at) "
                                + "values (:id, :instance, :now)")
                        .bind("id", id).bind("instance", instanceUuid).bind("now", now).execute();
            }
        });
    }

    /** Takes a deleted server out of whatever group it was in; nothing when it was in none. */
    public void removeMember(String instanceUuid) {
        api.useHandle(h -> h.createUpdate("delete from instance_group_member where instance_uuid = :instance")
                .bind("instance", instanceUuid).execute());
    }

    /** The members of the group, in the order they joined; empty for an unknown group. */
    public List<String> members(String groupUuid) {
        return api.withHandle(h -> h.createQuery("""
                        select m.instance_uuid from instance_group_member m
                        join instance_groups g on g.id = m.group_id
                        where g.uuid = :uuid and g.deleted = false
                        order by m.id""")
                .bind("uuid", groupUuid).mapTo(String.class).list());
    }

    /** The live group {@code instanceUuid} is a member of (a server is in at most one). */
    public Optional<Group> groupOf(String instanceUuid) {
        return api.withHandle(h -> h.createQuery("""
                        select g.uuid from instance_groups g join instance_group_member m on m.group_id = g.id
                        where m.instance_uuid = :instance and g.deleted = false""")
                .bind("instance", instanceUuid).mapTo(String.class).findFirst()).flatMap(this::find);
    }

    /**
     * The policy of group {@code groupUuid} when it belongs to {@code projectId}, as a boot into
     * it checks: empty when there is no such group in that project.
     */
    public Optional<String> policy(String groupUuid, String projectId) {
        return find(groupUuid).filter(g -> g.projectId().equals(projectId)).map(g -> g.policy().apiName());
    }

    /** The uuids of the live groups {@code instanceUuid} is a member of: none or one (2.71's {@code server_groups}). */
    public List<String> groupsOf(String instanceUuid) {
        return groupOf(instanceUuid).map(g -> List.of(g.uuid())).orElse(List.of());
    }

    /**
     * The group as the scheduler needs it: its policy, its {@code max_server_per_host} (1 when
     * it has none) and how many members run on each host.
     *
     * @param hostOfInstance the host an instance runs on, or null when it has none (not yet
     *                       scheduled, or gone)
     */
    public Optional<ServerGroup> schedulerGroup(String groupUuid, Function<String, String> hostOfInstance) {
        return find(groupUuid).map(g -> {
            Map<String, Integer> perHost = new HashMap<>();
            for (String member : g.members()) {
                String host = hostOfInstance.apply(member);
                if (host != null) {
                    perHost.merge(host, 1, Integer::sum);
                }
            }
            return new ServerGroup(g.uuid(), g.policy(), g.maxServerPerHost() == null ? 1 : g.maxServerPerHost(),
                    perHost);
        });
    }

    private static Optional<Long> lockId(Handle h, String uuid) {
        return h.createQuery("select id from instance_groups where uuid = :uuid and deleted = false for update")
                .bind("uuid", uuid).mapTo(Long.class).findOne();
    }

    private static List<Group> load(Handle h, String where, Map<String, Object> args, int limit, int offset) {
        String page = limit < 0 ? "" : " limit " + limit + " offset " + offset;
        var query = h.createQuery("""
                select g.id, g.uuid, g.name, g.project_id, g.user_id, g.policy, g.rules, g.created_at
                from instance_groups g where g.deleted = false and\s""" + where + " order by g.id" + page);
        args.forEach(query::bind);
        List<Group> groups = query.map((rs, ctx) -> row(rs)).list();
        if (groups.isEmpty()) {
            return groups;
        }
        Map<Long, List<String>> members = new HashMap<>();
        h.createQuery("select group_id, instance_uuid from instance_group_member where group_id in (<ids>) "
                        + "order by id")
                .bindList("ids", groups.stream().map(Group::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return groups.stream().map(g -> new Group(g.id(), g.uuid(), g.name(), g.projectId(), g.userId(), g.policy(),
                g.maxServerPerHost(), members.getOrDefault(g.id(), List.of()), g.createdAt())).toList();
    }

    private static Group row(ResultSet rs) throws SQLException {
        Integer max = null;
        String rules = rs.getString("rules");
        if (rules != null) {
            JsonNode value = Json.parse(rules).get("max_server_per_host");
            max = value == null || value.isNull() ? null : value.asInt();
        }
        Timestamp created = rs.getTimestamp("created_at");
        return new Group(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), ServerGroup.Policy.of(rs.getString("policy")), max, List.of(),
                created == null ? null : created.toInstant());
    }
}
