package dev.overcast.orchestration.software.api;

import dev.overcast.orchestration.software.SoftwareStore;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.api.ApiContext;

/** Heat's software config API: {@code /v1/{tenant_id}/software_configs} and {@code .../software_deployments}. */
public final class SoftwareApi {
    private final SoftwareConfigApi configs;
    private final SoftwareDeploymentApi deployments;

    public SoftwareApi(ApiContext ctx, SoftwareStore store) {
        this.configs = new SoftwareConfigApi(ctx, store);
        this.deployments = new SoftwareDeploymentApi(ctx, store);
    }

    public void routes(Routes r) {
        configs.routes(r);
        deployments.routes(r);
    }
}
