package dev.overcast.network.secgroups;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

/**
 * Each project's {@code default} security group, made the first time the project needs it:
 * when it lists or shows its groups or rules, creates a group, or creates a port without
 * naming groups. Its rules are upstream's: traffic out to anywhere, and traffic in from ports
 * of the same group, for IPv4 and IPv6.
 *
 * <p>Exactly one per project, even when first requests race: the group is inserted, then
 * claimed in {@code default_security_groups} (primary key: the project) with an insert that
 * does nothing on a conflict. The database makes the losing insert wait for the winner's
 * transaction; the loser then removes its own group and uses the winner's.
 */
final class DefaultGroups {
    static final String NAME = "default";
    static final String DESCRIPTION = "Default security group";

    private final Clock clock;

    DefaultGroups(Clock clock) {
        this.clock = clock;
    }

    /** The id of {@code projectId}'s default group, made now (in {@code handle}'s transaction) if need be. */
    String ensure(Handle handle, String projectId) {
        SecurityGroupStore store = handle.attach(SecurityGroupStore.class);
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = store.defaultGroupOf(projectId);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            GroupRow group = new GroupRow(UUID.randomUUID().toString(), projectId, NAME, DESCRIPTION, true, now, now,
                    0);
            store.insertGroup(group);
            if (store.claimDefault(projectId, group.id()) == 1) {
                for (String ethertype : RuleSpec.ETHERTYPES) {
                    store.insertRule(rule(group, "ingress", ethertype, group.id(), now));
                    store.insertRule(rule(group, "egress", ethertype, null, now));
                }
                return group.id();
            }
            // Another transaction made the default first (or made it and rolled back: look again).
            store.deleteGroup(group.id());
        }
        throw new IllegalStateException("the default security group of project " + projectId
                + " was claimed and released three times in a row");
    }

    /** An egress-to-anywhere rule of each ethertype: what every new group starts with. */
    static void addEgressRules(SecurityGroupStore store, GroupRow group, Instant now) {
        for (String ethertype : RuleSpec.ETHERTYPES) {
            store.insertRule(rule(group, "egress", ethertype, null, now));
        }
    }

    private static RuleRow rule(GroupRow group, String direction, String ethertype, String remoteGroupId,
            Instant now) {
        return new RuleRow(UUID.randomUUID().toString(), group.id(), group.projectId(), direction, ethertype, null,
                null, null, null, remoteGroupId, "", now, now, 0);
    }
}
