package dev.overcast.image.metadefs;

import dev.overcast.core.http.Routes;
import dev.overcast.image.ImageContext;

/**
 * Glance's metadata definitions catalog ("metadefs") under {@code /v2/metadefs}: namespaces of
 * property, object and tag definitions, which resource types they apply to, and their schemas
 * under {@code /v2/schemas/metadefs}. It describes metadata other services may set; it stores
 * no metadata values itself.
 *
 * <p>Everyone reads public namespaces and their own project's private ones; by Glance's
 * defaults only admins write. A protected namespace and what it holds cannot be deleted.
 */
public final class MetadefApi {
    private final ImageContext ctx;

    public MetadefApi(ImageContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes routes) {
        Namespaces namespaces = new Namespaces(ctx);
        new NamespaceApi(ctx, namespaces).routes(routes);
        new ObjectApi(ctx, namespaces).routes(routes);
        new PropertyApi(ctx, namespaces).routes(routes);
        new TagApi(ctx, namespaces).routes(routes);
        new ResourceTypeApi(ctx, namespaces).routes(routes);
        new MetadefSchemaApi().routes(routes);
    }
}
