package dev.overcast.network.l3;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;

/**
 * The quota feature's check as the l3 tests need it: a limit per resource (none by default),
 * counted from the resource's table in the write's transaction. Only the l3 feature's tables
 * exist in these tests, so only routers and floating IPs can be limited.
 */
final class TestQuota implements QuotaCheck {
    private static final Set<String> COUNTED = Set.of("router", "floatingip");
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();

    void limit(String resource, int limit) {
        if (!COUNTED.contains(resource)) {
            throw new IllegalArgumentException("only routers and floating IPs have tables here: " + resource);
        }
        limits.put(resource, limit);
    }

    void clear() {
        limits.clear();
    }

    @Override
    public void check(Handle handle, String projectId, String resource, int adding) {
        Integer limit = limits.get(resource);
        if (limit == null) {
            return;
        }
        int used = handle.createQuery("select count(*) from " + resource + "s where project_id = :p")
                .bind("p", projectId).mapTo(Integer.class).one();
        if (used + adding > limit) {
            throw NeutronErrors.conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
        }
    }
}
