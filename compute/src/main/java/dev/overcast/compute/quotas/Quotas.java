package dev.overcast.compute.quotas;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;

/**
 * Nova's database quota driver without reservations: which limit applies where, what is in use,
 * and what a new limit may be.
 *
 * <p>A limit is looked up from the most specific place that has it: the user's own limit, then
 * the project's, then the {@code default} quota class, then the built-in default. Usage of
 * key pairs and server group members is shown as 0 in quota views, as in Nova, since they are
 * counted per user and per group when they are checked.
 */
final class Quotas {
    static final String DEFAULT_CLASS = "default";

    /** A resource's limit and what is in use of it. */
    record Detail(long limit, long inUse) {
    }

    /** The range a new limit must fall in; -1 is unlimited. */
    record Range(long minimum, long maximum) {
    }

    private final QuotaStore store;
    private final UsageCounter counter;

    Quotas(ComputeContext ctx) {
        this.store = new QuotaStore(ctx.api(), ctx.clock());
        this.counter = new UsageCounter(ctx);
    }

    QuotaStore store() {
        return store;
    }

    UsageCounter counter() {
        return counter;
    }

    /** The defaults: the {@code default} class where it sets a limit, else the built-in value. */
    Map<String, Long> defaults() {
        return overlay(store.quotaClass(DEFAULT_CLASS), QuotaResources.DEFAULTS);
    }

    /** A quota class's limits, the defaults where it sets none. */
    Map<String, Long> classLimits(String className) {
        return overlay(store.quotaClass(className), defaults());
    }

    Map<String, Long> projectLimits(String projectId) {
        return overlay(store.project(projectId), defaults());
    }

    Map<String, Long> userLimits(String projectId, String userId) {
        Map<String, Long> own = new LinkedHashMap<>(store.project(projectId));
        own.putAll(store.user(projectId, userId));
        return overlay(own, defaults());
    }

    Map<String, Detail> projectDetail(String projectId) {
        Usage usage = counter.count(projectId, null);
        return detail(projectLimits(projectId), usage.project());
    }

    Map<String, Detail> userDetail(String projectId, String userId) {
        Usage usage = counter.count(projectId, userId);
        Map<String, Long> inUse = new LinkedHashMap<>(usage.user());
        inUse.remove("key_pairs");
        return detail(userLimits(projectId, userId), inUse);
    }

    private static Map<String, Detail> detail(Map<String, Long> limits, Map<String, Long> inUse) {
        Map<String, Detail> out = new LinkedHashMap<>();
        limits.forEach((resource, limit) -> out.put(resource, new Detail(limit, inUse.getOrDefault(resource, 0L))));
        return out;
    }

    /**
     * What each limit may be set to without force: for a project, at least what is in use and
     * what its users' limits add up to; for a user, at least what the user uses and at most what
     * the project has left over its other users' limits.
     */
    Map<String, Range> settable(String projectId, String userId) {
        Map<String, Detail> project = projectDetail(projectId);
        Map<String, Long> userSums = store.sumOfUserLimits(projectId);
        Map<String, Long> remains = new LinkedHashMap<>();
        project.forEach((resource, d) -> remains.put(resource, d.limit() - userSums.getOrDefault(resource, 0L)));
        Map<String, Range> out = new LinkedHashMap<>();
        if (userId == null) {
            project.forEach((resource, d) -> out.put(resource, new Range(
                    Math.max(sub(d.limit(), remains.get(resource)), d.inUse()), -1)));
            return out;
        }
        Map<String, Long> userOwn = store.user(projectId, userId);
        userDetail(projectId, userId).forEach((resource, d) -> out.put(resource, new Range(d.inUse(),
                sum(remains.get(resource), userOwn.getOrDefault(resource, 0L)))));
        return out;
    }

    /** Nova's arithmetic on limits: anything with an unlimited side is unlimited. */
    private static long sub(long a, long b) {
        return a <= -1 || b <= -1 ? -1 : a - b;
    }

    private static long sum(long a, long b) {
        return a <= -1 || b <= -1 ? -1 : a + b;
    }

    private static Map<String, Long> overlay(Map<String, Long> specific, Map<String, Long> fallback) {
        Map<String, Long> out = new LinkedHashMap<>();
        fallback.forEach((resource, limit) -> out.put(resource, specific.getOrDefault(resource, limit)));
        return out;
    }
}
