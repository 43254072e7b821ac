package dev.overcast.network;

import org.jdbi.v3.core.Handle;

/**
 * Neutron's quota check before a create, implemented by the quota feature: counts the
 * project's {@code resource} rows (table {@code <resource>s}, e.g. {@code networks},
 * column {@code project_id}) in the write's transaction and refuses what would exceed its limit.
 */
public interface QuotaCheck {

    /**
     * @param resource the quota's name: network, subnet, port, router, floatingip, security_group,
     *                 security_group_rule, subnetpool
     * @param adding   how many the write creates
     * @throws dev.overcast.core.http.ApiException 409 {@code OverQuota}:
     *         "Quota exceeded for resources: ['port']."
     */
    void check(Handle handle, String projectId, String resource, int adding);
}
