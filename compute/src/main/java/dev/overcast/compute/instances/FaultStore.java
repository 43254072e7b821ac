package dev.overcast.compute.instances;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/** The faults of one cell's instances; a server shows its latest. */
public final class FaultStore {
    private final Jdbi db;

    public FaultStore(Jdbi db) {
        this.db = db;
    }

    public void record(String instanceUuid, Fault fault) {
        String message = fault.message().length() > 255 ? fault.message().substring(0, 252) + "..." : fault.message();
        db.useHandle(h -> h.createUpdate("""
                        insert into instance_faults (instance_uuid, code, message, details, host, created_at)
                        values (:uuid, :code, :message, :details, :host, :created)""")
                .bind("uuid", instanceUuid).bind("code", fault.code()).bind("message", message)
                .bind("details", fault.details()).bind("host", fault.host()).bind("created", fault.created())
                .execute());
    }

    public Optional<Fault> latest(String instanceUuid) {
        return Optional.ofNullable(latest(List.of(instanceUuid)).get(instanceUuid));
    }

    /** The latest fault of each of these instances that has one. */
    public Map<String, Fault> latest(List<String> uuids) {
        Map<String, Fault> out = new HashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        db.useHandle(h -> h.createQuery("""
                        select instance_uuid, code, message, details, host, created_at from instance_faults
                        where instance_uuid in (<uuids>) order by created_at, id""")
                .bindList("uuids", uuids)
                .map((rs, ctx) -> out.put(rs.getString("instance_uuid"), new Fault(rs.getInt("code"),
                        rs.getString("message"), rs.getString("details"), rs.getString("host"),
                        rs.getTimestamp("created_at").toInstant()))).list());
        return out;
    }
}
