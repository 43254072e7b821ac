package dev.overcast.compute.instances;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The instances of one cell. State changes are compare-and-set on the state they start from, so
 * two workers (or an API request and a worker) never both win one transition.
 */
public final class InstanceStore {
    private final Jdbi db;

    public InstanceStore(Jdbi db) {
        this.db = db;
    }

    public Jdbi db() {
        return db;
    }

    /**
     * Inserts an instance with its metadata and tags.
     *
     * @return false when an instance with its uuid is already there (a build taken over after a crash)
     */
    public boolean insert(Instance instance, Map<String, String> metadata, List<String> tags) {
        return db.inTransaction(h -> {
            if (h.createQuery("select count(*) from instances where uuid = :uuid").bind("uuid", instance.uuid())
                    .mapTo(Integer.class).one() > 0) {
                return false;
            }
            InstanceRows.bind(h.createUpdate("insert into instances (" + InstanceRows.COLUMNS + ") values ("
                    + InstanceRows.VALUES + ")"), instance).execute();
            var meta = h.prepareBatch("insert into instance_metadata (instance_uuid, meta_key, meta_value) "
                    + "values (:uuid, :k, :v)");
            metadata.forEach((k, v) -> meta.bind("uuid", instance.uuid()).bind("k", k).bind("v", v).add());
            if (!metadata.isEmpty()) {
                meta.execute();
            }
            var tagBatch = h.prepareBatch("insert into instance_tags (instance_uuid, tag) values (:uuid, :tag)");
            tags.forEach(t -> tagBatch.bind("uuid", instance.uuid()).bind("tag", t).add());
            if (!tags.isEmpty()) {
                tagBatch.execute();
            }
            return true;
        });
    }

    /** The instance, deleted ones included. */
    public Optional<Instance> find(String uuid) {
        return db.withHandle(h -> find(h, uuid));
    }

    static Optional<Instance> find(Handle h, String uuid) {
        return h.createQuery("select " + InstanceRows.COLUMNS + " from instances where uuid = :uuid")
                .bind("uuid", uuid).map((rs, ctx) -> InstanceRows.map(rs)).findOne();
    }

    /**
     * Moves the instance from {@code from} to {@code to} if it is still in {@code from}, with the
     * other columns of {@code changed} (host, times, lease) written at once.
     *
     * @return false when the instance was no longer in {@code from}
     */
    public boolean transition(InstanceState from, Instance changed, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        update instances set vm_state = :vm_state, task_state = :task_state, power_state = :power_state,
                               host = :host, node = :node, availability_zone = :availability_zone, flavor = :flavor,
                               launched_at = :launched_at, terminated_at = :terminated_at,
                               system_metadata = :system_metadata, lease_owner = :lease_owner,
                               lease_until = :lease_until, deleted = :deleted, deleted_at = :deleted_at,
                               updated_at = :now
                        where uuid = :uuid and vm_state = :from_vm and power_state = :from_power
                          and coalesce(task_state, '') = :from_task""")
                .bind("vm_state", changed.state().vm().value())
                .bind("task_state", changed.state().task() == null ? null : changed.state().task().value())
                .bind("power_state", changed.state().power().code())
                .bind("host", changed.host()).bind("node", changed.node())
                .bind("availability_zone", changed.availabilityZone())
                .bind("flavor", dev.overcast.core.json.Json.write(changed.flavor()))
                .bind("launched_at", changed.launchedAt()).bind("terminated_at", changed.terminatedAt())
                .bind("system_metadata", dev.overcast.core.json.Json.write(changed.systemMetadata()))
                .bind("lease_owner", changed.leaseOwner()).bind("lease_until", changed.leaseUntil())
                .bind("deleted", changed.deleted()).bind("deleted_at", changed.deletedAt())
                .bind("now", now).bind("uuid", changed.uuid())
                .bind("from_vm", from.vm().value()).bind("from_power", from.power().code())
                .bind("from_task", from.task() == null ? "" : from.task().value())
                .execute() == 1);
    }

    /**
     * Takes the instance's task for {@code owner} until {@code until}, if no one else holds it now.
     *
     * @return the instance as leased, or empty when another worker holds it or it has no task
     */
    public Optional<Instance> lease(String uuid, String owner, Instant now, Instant until) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("""
                            update instances set lease_owner = :owner, lease_until = :until
                            where uuid = :uuid and task_state is not null and deleted = false
                              and (lease_until is null or lease_until < :now or lease_owner = :owner)""")
                    .bind("owner", owner).bind("until", until).bind("now", now).bind("uuid", uuid).execute();
            return n == 1 ? find(h, uuid) : Optional.empty();
        });
    }

    /** Lets go of the instance's task if {@code owner} still holds it, whatever its state now. */
    public void releaseLease(String uuid, String owner) {
        db.useHandle(h -> h.createUpdate("""
                        update instances set lease_owner = null, lease_until = null
                        where uuid = :uuid and lease_owner = :owner""")
                .bind("uuid", uuid).bind("owner", owner).execute());
    }

    /** Instances with a task whose lease is free or lapsed: work a worker died on or never started. */
    public List<String> orphanedTasks(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        select uuid from instances
                        where task_state is not null and deleted = false and (lease_until is null or lease_until < :now)
                        order by updated_at""")
                .bind("now", now).setMaxRows(limit).mapTo(String.class).list());
    }

    /**
     * The instances a server list starts from, narrowed by what the database can check cheaply.
     *
     * @param projectId null for every project
     * @param host      null for every host
     */
    public List<Instance> list(String projectId, boolean includeDeleted, boolean onlyDeleted, String host,
                               Instant changesSince, Instant changesBefore) {
        StringBuilder sql = new StringBuilder("select " + InstanceRows.COLUMNS + " from instances where 1 = 1");
        if (projectId != null) {
            sql.append(" and project_id = :project");
        }
        if (onlyDeleted) {
            sql.append(" and deleted = true");
        } else if (!includeDeleted) {
            sql.append(" and deleted = false");
        }
        if (host != null) {
            sql.append(" and host = :host");
        }
        if (changesSince != null) {
            sql.append(" and coalesce(updated_at, created_at) >= :since");
        }
        if (changesBefore != null) {
            sql.append(" and coalesce(updated_at, created_at) <= :before");
        }
        Map<String, Object> binds = new java.util.HashMap<>();
        binds.put("project", projectId);
        binds.put("host", host);
        binds.put("since", changesSince);
        binds.put("before", changesBefore);
        binds.values().removeIf(java.util.Objects::isNull);
        return db.withHandle(h -> h.createQuery(sql.toString()).bindMap(binds)
                .map((rs, ctx) -> InstanceRows.map(rs)).list());
    }

    /** Updates the fields a user may change: name, description, hostname, access addresses. */
    public void updateUserFields(Instance i, Instant now) {
        db.useHandle(h -> h.createUpdate("""
                        update instances set display_name = :name, display_description = :description,
                               hostname = :hostname, access_ip_v4 = :v4, access_ip_v6 = :v6, updated_at = :now
                        where uuid = :uuid""")
                .bind("name", i.displayName()).bind("description", i.description()).bind("hostname", i.hostname())
                .bind("v4", i.accessIpV4()).bind("v6", i.accessIpV6()).bind("now", now).bind("uuid", i.uuid())
                .execute());
    }

    /** Writes what a rebuild replaces: the image, name, key, user data and access addresses. */
    public void updateForRebuild(Instance i, Instant now) {
        db.useHandle(h -> h.createUpdate("""
                        update instances set image_ref = :image, display_name = :name, key_name = :key_name,
                               key_data = :key_data, user_data = :user_data, access_ip_v4 = :v4, access_ip_v6 = :v6,
                               display_description = :description, hostname = :hostname, updated_at = :now
                        where uuid = :uuid""")
                .bind("image", i.imageRef()).bind("name", i.displayName()).bind("key_name", i.keyName())
                .bind("key_data", i.keyData()).bind("user_data", i.userData()).bind("v4", i.accessIpV4())
                .bind("v6", i.accessIpV6()).bind("description", i.description()).bind("hostname", i.hostname())
                .bind("now", now).bind("uuid", i.uuid()).execute());
    }

    /** Locks or unlocks ({@code lockedBy} null) the instance. */
    public void setLock(String uuid, String lockedBy, String reason, Instant now) {
        db.useHandle(h -> h.createUpdate("""
                        update instances set locked_by = :by, lock_reason = :reason, updated_at = :now
                        where uuid = :uuid""")
                .bind("by", lockedBy).bind("reason", reason).bind("now", now).bind("uuid", uuid).execute());
    }

    public Map<String, String> metadata(String uuid) {
        return db.withHandle(h -> metadata(h, uuid));
    }

    static Map<String, String> metadata(Handle h, String uuid) {
        Map<String, String> out = new LinkedHashMap<>();
        h.createQuery("select meta_key, meta_value from instance_metadata where instance_uuid = :uuid order by meta_key")
                .bind("uuid", uuid).map((rs, ctx) -> {
                    out.put(rs.getString(1), rs.getString(2));
                    return null;
                }).list();
        return out;
    }

    /** Metadata of several instances at once, for lists. */
    public Map<String, Map<String, String>> metadata(List<String> uuids) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        db.useHandle(h -> h.createQuery("select instance_uuid, meta_key, meta_value from instance_metadata "
                        + "where instance_uuid in (<uuids>) order by meta_key").bindList("uuids", uuids)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3))).list());
        return out;
    }

    /** Replaces all metadata ({@code replace}) or sets the given keys. */
    public void putMetadata(String uuid, Map<String, String> values, boolean replace) {
        db.useTransaction(h -> {
            if (replace) {
                h.createUpdate("delete from instance_metadata where instance_uuid = :uuid").bind("uuid", uuid).execute();
            } else if (!values.isEmpty()) {
                h.createUpdate("delete from instance_metadata where instance_uuid = :uuid and meta_key in (<keys>)")
                        .bind("uuid", uuid).bindList("keys", List.copyOf(values.keySet())).execute();
            }
            var batch = h.prepareBatch("insert into instance_metadata (instance_uuid, meta_key, meta_value) "
                    + "values (:uuid, :k, :v)");
            values.forEach((k, v) -> batch.bind("uuid", uuid).bind("k", k).bind("v", v).add());
            if (!values.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** @return false when the key was not there */
    public boolean deleteMetadata(String uuid, String key) {
        return db.withHandle(h -> h.createUpdate("delete from instance_metadata where instance_uuid = :uuid "
                + "and meta_key = :k").bind("uuid", uuid).bind("k", key).execute() == 1);
    }

    public List<String> tags(String uuid) {
        return db.withHandle(h -> h.createQuery("select tag from instance_tags where instance_uuid = :uuid order by tag")
                .bind("uuid", uuid).mapTo(String.class).list());
    }

    /** Tags of several instances at once, for lists. */
    public Map<String, List<String>> tags(List<String> uuids) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        db.useHandle(h -> h.createQuery("select instance_uuid, tag from instance_tags where instance_uuid in (<uuids>) "
                        + "order by tag").bindList("uuids", uuids)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2))).list());
        return out;
    }

    /** Replaces the instance's tags. */
    public void replaceTags(String uuid, List<String> tags) {
        db.useTransaction(h -> {
            h.createUpdate("delete from instance_tags where instance_uuid = :uuid").bind("uuid", uuid).execute();
            var batch = h.prepareBatch("insert into instance_tags (instance_uuid, tag) values (:uuid, :tag)");
            tags.forEach(t -> batch.bind("uuid", uuid).bind("tag", t).add());
            if (!tags.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** @return false when the tag was already there */
    public boolean addTag(String uuid, String tag) {
        return db.inTransaction(h -> {
            if (h.createQuery("select count(*) from instance_tags where instance_uuid = :uuid and tag = :tag")
                    .bind("uuid", uuid).bind("tag", tag).mapTo(Integer.class).one() > 0) {
                return false;
            }
            h.createUpdate("insert into instance_tags (instance_uuid, tag) values (:uuid, :tag)")
                    .bind("uuid", uuid).bind("tag", tag).execute();
            return true;
        });
    }

    /** @return false when the tag was not there */
    public boolean deleteTag(String uuid, String tag) {
        return db.withHandle(h -> h.createUpdate("delete from instance_tags where instance_uuid = :uuid and tag = :tag")
                .bind("uuid", uuid).bind("tag", tag).execute() == 1);
    }
}
