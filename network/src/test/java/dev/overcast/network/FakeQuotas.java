package dev.overcast.network;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;

/**
 * The quota feature as creates see it: limits a test sets (unlimited otherwise), counted in the
 * write's transaction from the table {@code <resource>s}, as the real check counts them.
 */
public final class FakeQuotas implements QuotaCheck {
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();

    public void limit(String resource, int limit) {
        limits.put(resource, limit);
    }

    public void clear() {
        limits.clear();
    }

    @Override
    public void check(Handle handle, String projectId, String resource, int adding) {
        Integer limit = limits.get(resource);
        if (limit == null || limit < 0) {
            return;
        }
        int used = handle.createQuery("select count(*) from " + resource + "s where project_id = :p")
                .bind("p", projectId).mapTo(Integer.class).one();
        if (used + adding > limit) {
            throw NeutronErrors.conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
        }
    }
}
