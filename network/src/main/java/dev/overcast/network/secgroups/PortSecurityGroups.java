package dev.overcast.network.secgroups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.SecurityGroupLookup;

/**
 * The security groups of a port being created or updated, for the ports feature: the groups
 * it names, which must be its project's, or its project's default group (made on first use).
 *
 * <p>Each group found is locked in the port's transaction, so a group delete racing with the
 * port either waits and then sees the port in {@code port_security_groups}, or wins and the
 * port is refused with {@code SecurityGroupNotFound}.
 */
public final class PortSecurityGroups implements SecurityGroupLookup {
    private final DefaultGroups defaults;

    /** @param clock the clock timestamps of a default group made on demand come from */
    public PortSecurityGroups(Clock clock) {
        this.defaults = new DefaultGroups(clock);
    }

    @Override
    public List<String> forPort(Handle handle, String projectId, List<String> requested) {
        SecurityGroupStore store = handle.attach(SecurityGroupStore.class);
        if (requested == null) {
            String id = defaults.ensure(handle, projectId);
            store.lockGroup(id);
            return List.of(id);
        }
        Set<String> wanted = new LinkedHashSet<>(requested);
        List<String> missing = new ArrayList<>();
        // In id order, so that two ports naming the same groups cannot each hold one the other waits for.
        for (String id : wanted.stream().sorted(java.util.Comparator.nullsFirst(String::compareTo)).toList()) {
            boolean found = id != null && store.lockGroup(id).filter(g -> g.projectId().equals(projectId)).isPresent();
            if (!found) {
                missing.add(String.valueOf(id));
            }
        }
        if (!missing.isEmpty()) {
            throw SecurityGroupApi.notFound(String.join(", ", missing));
        }
        return List.copyOf(wanted);
    }
}
