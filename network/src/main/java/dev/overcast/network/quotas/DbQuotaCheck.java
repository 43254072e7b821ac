package dev.overcast.network.quotas;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;

/**
 * Neutron's quota check before a create, counting rows in the creating transaction. The
 * project's quota lock is taken first and held until that transaction ends, so two creates
 * racing for the last unit are serialized: the second counts the first's row and is refused.
 */
public final class DbQuotaCheck implements QuotaCheck {
    private final ProjectQuotas quotas;

    /** @param defaults the limits of projects an admin set none for */
    public DbQuotaCheck(QuotaSettings defaults) {
        this.quotas = new ProjectQuotas(defaults);
    }

    @Override
    public void check(Handle handle, String projectId, String resource, int adding) {
        QuotaResource r = QuotaResource.named(resource);
        if (r == null) {
            throw new IllegalArgumentException("no quota for resource " + resource);
        }
        quotas.lock(handle, projectId);
        int limit = quotas.limits(handle, projectId).get(r);
        if (limit < 0) {
            return;
        }
        if (quotas.used(handle, projectId, r) + adding > limit) {
            throw NeutronErrors.conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
        }
    }
}
