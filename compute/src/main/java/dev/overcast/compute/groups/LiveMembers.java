package dev.overcast.compute.groups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;

/**
 * Which members of a group the API shows: Nova's {@code _get_not_deleted}. A member whose
 * instance mapping has no cell yet is being built and shows; one in a cell shows while its
 * instance there is not deleted; one without a mapping at all does not.
 */
final class LiveMembers {
    private final Jdbi api;
    private final Cells cells;

    LiveMembers(Jdbi api, Cells cells) {
        this.api = api;
        this.cells = cells;
    }

    /** The members of {@code members} that are not deleted, in the same order. */
    List<String> of(List<String> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        Set<String> live = new HashSet<>();
        Map<Long, List<String>> byCell = new HashMap<>();
        api.useHandle(h -> h.createQuery(
                        "select instance_uuid, cell_id from instance_mappings where instance_uuid in (<uuids>)")
                .bindList("uuids", members)
                .map((rs, ctx) -> {
                    String uuid = rs.getString("instance_uuid");
                    long cell = rs.getLong("cell_id");
                    return Map.entry(uuid, rs.wasNull() ? -1L : cell);
                })
                .forEach(e -> {
                    if (e.getValue() < 0) {
                        live.add(e.getKey());
                    } else {
                        byCell.computeIfAbsent(e.getValue(), c -> new ArrayList<>()).add(e.getKey());
                    }
                }));
        byCell.forEach((cellId, uuids) -> cells.byId(cellId).ifPresent(cell -> live.addAll(notDeleted(cell, uuids))));
        return members.stream().filter(live::contains).toList();
    }

    private List<String> notDeleted(CellMapping cell, List<String> uuids) {
        return cells.db(cell).withHandle(h -> h.createQuery(
                        "select uuid from instances where uuid in (<uuids>) and deleted = false")
                .bindList("uuids", uuids).mapTo(String.class).list());
    }
}
