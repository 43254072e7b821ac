package dev.overcast.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;

/**
 * The security-group feature as ports see it, in memory: each project's {@code default} group
 * (id {@code default-<project>}, made on first use) and the groups a test adds.
 */
public final class FakeSecurityGroups implements SecurityGroupLookup {
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    /** Adds group {@code id} to {@code project}. */
    public void add(String project, String id) {
        owners.put(id, project);
    }

    @Override
    public List<String> forPort(Handle handle, String projectId, List<String> requested) {
        if (requested == null) {
            String id = "default-" + projectId;
            owners.putIfAbsent(id, projectId);
            return List.of(id);
        }
        for (String id : requested) {
            if (!projectId.equals(owners.get(id))) {
                throw NeutronErrors.of(404, "SecurityGroupNotFound", "Security group " + id + " does not exist");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(requested));
    }

    public Set<String> known() {
        return owners.keySet();
    }
}
