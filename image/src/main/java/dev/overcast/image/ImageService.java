package dev.overcast.image;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.image.images.ImageApi;
import dev.overcast.image.members.MemberApi;
import dev.overcast.image.schemas.SchemaApi;

/** Image: the Glance v2 API under {@code /image}. */
public final class ImageService implements ServiceApi {
    private final ImageContext ctx;
    private final ImageData data;

    /**
     * @param policy the image policy: {@link ImagePolicy#defaults()} with any operator overrides
     * @param bus    where image notifications go (topic {@code notifications}, publisher {@code image.<host>})
     * @param data   where image data lives; deleting an image deletes its data there
     */
    public ImageService(Jdbi jdbi, Policy policy, Clock clock, ImageSettings settings, Bus bus, String host,
            ImageData data) {
        this.data = java.util.Objects.requireNonNull(data, "data");
        this.ctx = new ImageContext(jdbi, policy, clock, new Schemas("image"), settings,
                bus.notifier("notifications", "image." + host));
    }

    @Override
    public String prefix() {
        return "/image";
    }

    @Override
    public FaultFormat faults() {
        return new GlanceFaults();
    }

    @Override
    public void routes(Routes routes) {
        new Discovery().routes(routes);
        new ImageApi(ctx, data).routes(routes);
        new MemberApi(ctx).routes(routes);
        new SchemaApi(ctx).routes(routes);
    }
}
