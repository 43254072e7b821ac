package dev.overcast.image;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.image.data.ImageDataApi;
import dev.overcast.image.images.ImageApi;
import dev.overcast.image.members.MemberApi;
import dev.overcast.image.schemas.SchemaApi;

/** Image: the Glance v2 API under {@code /image}. */
public final class ImageService implements ServiceApi {
    private final ImageContext ctx;
    private final ImageDataApi data;

    /**
     * @param policy the image policy: {@link ImagePolicy#defaults()} with any operator overrides
     * @param bus    where image notifications go (topic {@code notifications}, publisher {@code image.<host>})
     */
    public ImageService(Jdbi jdbi, Policy policy, Clock clock, ImageSettings settings, Bus bus, String host) {
        this.ctx = new ImageContext(jdbi, policy, clock, new Schemas("image"), settings,
                bus.notifier("notifications", "image." + host));
        // Building it recovers uploads and imports a killed process left half done.
        this.data = new ImageDataApi(ctx, command -> Thread.ofVirtual().name("image-import").start(command));
    }

    /** Image data, for deleting an image's data with the image. */
    public ImageData data() {
        return data.data();
    }

    /**
     * Registers Overcast's test image, {@code overcast-test-image}: a tiny public raw disk
     * generated in code whose boot sector prints a message and halts (not CirrOS), unless an
     * image of that name exists. Returns whether it registered one.
     *
     * @param owner the owning project id, or null for an image owned by no project (only
     *              admins may change it; everyone may use it, as it is public)
     */
    public boolean bootstrapTestImage(String owner) {
        return data.bootstrapTestImage(owner);
    }

    @Override
    public String prefix() {
        return "/image";
    }

    /** Glance's router tells {@code /v2/images/} from {@code /v2/images}: the first names no image. */
    @Override
    public boolean strictTrailingSlash() {
        return true;
    }

    @Override
    public FaultFormat faults() {
        return new GlanceFaults();
    }

    @Override
    public void routes(Routes routes) {
        new Discovery().routes(routes);
        data.routes(routes);
        new ImageApi(ctx, data.data()).routes(routes);
        new MemberApi(ctx).routes(routes);
        new SchemaApi(ctx).routes(routes);
        new dev.overcast.image.metadefs.MetadefApi(ctx).routes(routes);
    }
}
