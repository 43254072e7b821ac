package dev.overcast.compute;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.overcast.compute.servers.ServerNeighbours;
import dev.overcast.core.http.Request;

/**
 * The Image service as Compute's tests need it: images by id, one active image to boot from
 * ({@link #BOOTABLE}) from the start. Every caller sees every image.
 */
public final class TestImages implements ServerNeighbours.Images {
    /** An active 16 MiB qcow2 image. */
    public static final String BOOTABLE = "155d900f-4e14-4e4c-a73d-069cbf4541e6";

    private final Map<String, ServerNeighbours.ImageInfo> images = new ConcurrentHashMap<>();

    TestImages() {
        add(new ServerNeighbours.ImageInfo(BOOTABLE, "active", 0, 0, 16L << 20,
                Map.of("disk_format", "qcow2", "container_format", "bare")));
    }

    public void add(ServerNeighbours.ImageInfo image) {
        images.put(image.id(), image);
    }

    @Override
    public Optional<ServerNeighbours.ImageInfo> find(String imageId, Request request) {
        return Optional.ofNullable(images.get(imageId));
    }
}
