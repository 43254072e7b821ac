package dev.overcast.orchestration.api;

import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.snapshots.SnapshotApi;

/** Every route of the Heat v1 API, registered in the order their paths must be tried. */
public final class HeatApi {
    private final ApiContext ctx;

    public HeatApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        new Discovery(ctx).routes(r);
        StackApi stacks = new StackApi(ctx);
        stacks.routes(r);
        new ResourceApi(ctx).routes(r);
        new EventApi(ctx).routes(r);
        new TemplateApi(ctx).routes(r);
        new SnapshotApi(ctx).routes(r);
        stacks.fallbackRoutes(r);
    }
}
