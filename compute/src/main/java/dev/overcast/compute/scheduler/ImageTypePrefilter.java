package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Locale;

/**
 * Nova's {@code require_image_type_support} ({@code query_placement_for_image_type_support}): the host must
 * support the image's disk format, as its {@code COMPUTE_IMAGE_TYPE_<FORMAT>} trait says.
 */
public record ImageTypePrefilter() implements RequestFilter {
    @Override
    public String name() {
        return "require_image_type_support";
    }

    @Override
    public Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates) {
        String format = request.imageProperties().get("disk_format");
        if (format == null || format.isEmpty()) {
            return new Prefiltered.Query(query);
        }
        return new Prefiltered.Query(query.requiring("COMPUTE_IMAGE_TYPE_" + format.toUpperCase(Locale.ROOT)));
    }
}
