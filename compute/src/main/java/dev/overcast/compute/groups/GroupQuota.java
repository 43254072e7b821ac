package dev.overcast.compute.groups;

/**
 * The {@code server_groups} quota: how many server groups a project may have. Nova checks it
 * before it makes a group and, with {@code [quota] recheck_quota}, again after, to catch a race.
 *
 * <p>Until the quotas feature's enforcer is wired in its place, {@link #counting} counts the
 * project's groups against a fixed limit (Nova's default is 10).
 */
@FunctionalInterface
public interface GroupQuota {
    /** Nova's default {@code [quota] server_groups}. */
    int DEFAULT_LIMIT = 10;

    /**
     * Whether {@code project} (for {@code user}) may have {@code delta} more groups than it has:
     * 1 before a create, 0 for the recheck after it.
     */
    boolean allows(String projectId, String userId, int delta);

    /** Counts the project's live groups in {@code store} against {@code limit}; a negative limit is no limit. */
    static GroupQuota counting(ServerGroupStore store, int limit) {
        return (projectId, userId, delta) -> limit < 0 || store.countInProject(projectId) + delta <= limit;
    }
}
