package dev.overcast.compute.conductor;

import java.util.Optional;

import dev.overcast.compute.scheduler.ServerGroup;

/** What the conductor needs of server groups. */
public interface ServerGroups {
    /** The group as the scheduler sees it, with the hosts of its members so far; empty when it is gone. */
    Optional<ServerGroup> forScheduling(String groupUuid);

    /** Drops a deleted instance from its group, if any. */
    void removeMember(String instanceUuid);

    /** No server groups: for tests and deployments without the feature. */
    ServerGroups NONE = new ServerGroups() {
        @Override
        public Optional<ServerGroup> forScheduling(String groupUuid) {
            return Optional.empty();
        }

        @Override
        public void removeMember(String instanceUuid) {
        }
    };
}
