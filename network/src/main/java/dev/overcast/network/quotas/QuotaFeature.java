package dev.overcast.network.quotas;

import java.util.List;

import dev.overcast.core.http.Routes;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;

/**
 * Quotas ({@code quotas}, {@code quota_details}, {@code quota-check-limit}): per-project
 * limits with Neutron's defaults, read and set through {@code /v2.0/quotas}. Creates check them
 * through {@link DbQuotaCheck}, built with the same {@link QuotaSettings}.
 */
public final class QuotaFeature implements NetworkFeature {
    private final QuotaApi api;

    public QuotaFeature(NetworkContext ctx, QuotaSettings defaults) {
        this.api = new QuotaApi(ctx, new ProjectQuotas(defaults));
    }

    @Override
    public void routes(Routes routes) {
        api.routes(routes);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(
                new Extension("quotas", "Quota management support", "Expose functions for quotas management per project"),
                new Extension("quota_details", "Quota details management support",
                        "Expose functions for quotas usage statistics per project"),
                new Extension("quota-check-limit", "Quota engine limit check",
                        "Check the resource usage before setting the quota limit when the request asks to"));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("quota", "quotas"));
    }
}
