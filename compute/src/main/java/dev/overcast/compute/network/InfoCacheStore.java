package dev.overcast.compute.network;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/** The info caches of a cell's instances: one row per instance that has ever had a NIC. */
public final class InfoCacheStore {
    private final Jdbi db;

    public InfoCacheStore(Jdbi db) {
        this.db = db;
    }

    public NetworkInfo get(String instanceUuid) {
        Optional<String> json = db.withHandle(h -> h.createQuery(
                        "select network_info from instance_info_caches where instance_uuid = :uuid")
                .bind("uuid", instanceUuid).mapTo(String.class).findOne());
        return json.map(NetworkInfo::read).orElse(NetworkInfo.EMPTY);
    }

    /** The caches of many instances, one query; instances without one are left out. */
    public Map<String, NetworkInfo> get(List<String> instanceUuids) {
        Map<String, NetworkInfo> out = new HashMap<>();
        if (instanceUuids.isEmpty()) {
            return out;
        }
        db.useHandle(h -> h.createQuery(
                        "select instance_uuid, network_info from instance_info_caches where instance_uuid in (<uuids>)")
                .bindList("uuids", instanceUuids)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), NetworkInfo.read(e.getValue()))));
        return out;
    }

    public void put(String instanceUuid, NetworkInfo info, Instant now) {
        db.useTransaction(h -> {
            int updated = h.createUpdate("""
                            update instance_info_caches set network_info = :info, updated_at = :now
                            where instance_uuid = :uuid""")
                    .bind("uuid", instanceUuid).bind("info", info.write()).bind("now", now).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into instance_info_caches (instance_uuid, network_info, updated_at)
                                values (:uuid, :info, :now)""")
                        .bind("uuid", instanceUuid).bind("info", info.write()).bind("now", now).execute();
            }
        });
    }
}
