package dev.overcast.network.secgroups;

import java.time.Instant;

/**
 * One security group as stored; its rules are rows of their own. Public only so that JDBI can
 * bind its accessors; nothing outside this package uses it.
 */
public record GroupRow(String id, String projectId, String name, String description, boolean stateful, Instant createdAt,
                Instant updatedAt, long revisionNumber) {

    public boolean isDefault() {
        return name.equals("default");
    }

    /** This group after an update: a new revision at {@code at}. */
    public GroupRow updated(String newName, String newDescription, boolean newStateful, Instant at) {
        return new GroupRow(id, projectId, newName, newDescription, newStateful, createdAt, at, revisionNumber + 1);
    }
}
