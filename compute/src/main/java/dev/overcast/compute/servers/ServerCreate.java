package dev.overcast.compute.servers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildRequest;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.SchedulingRequest;
import dev.overcast.compute.conductor.Conductor;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.network.NetworkRequest;
import dev.overcast.compute.network.Networks;
import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * {@code POST /servers}: checks the request against flavors, images, key pairs, groups, zones and
 * quotas, writes a build request, request spec and instance mapping for each instance in one
 * transaction, and hands the builds to the conductor. What the API answers is already durable:
 * a lost cast is found by the conductor's sweeper.
 */
final class ServerCreate {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ComputeContext ctx;
    private final ServerNeighbours n;
    private final BuildStore builds;

    ServerCreate(ComputeContext ctx, ServerNeighbours neighbours) {
        this.ctx = ctx;
        this.n = neighbours;
        this.builds = new BuildStore(ctx.api());
    }

    /** The created builds, in launch order, with the reservation id they share. */
    record Created(List<BuildRequest> builds, String reservationId, String adminPass) {
    }

    Created create(Request req) {
        AuthContext auth = ctx.enforce(req, ServerPolicy.CREATE);
        CreateRequest c = CreateRequest.read(req);
        String project = auth.projectId();
        InstanceFlavor flavor = n.flavors().find(c.flavorRef(), project).orElseThrow(() ->
                ApiException.badRequest("Flavor " + c.flavorRef() + " could not be found."));
        Map<String, String> imageProperties = checkImage(req, c, flavor);
        String keyData = null;
        if (c.keyName() != null) {
            keyData = n.keys().publicKey(auth.userId(), c.keyName()).orElseThrow(() ->
                    ApiException.badRequest("Invalid key_name provided."));
        }
        Destination where = destination(req, c);
        String groupUuid = group(c, project);
        if (!c.networks().none()) {
            ctx.enforce(req, ServerPolicy.CREATE_ATTACH_NETWORK);
        }
        Networks.Resolved nics = ctx.networks().resolve(ComputeContext.callerToken(req), project,
                c.networks(), c.securityGroups(), c.maxCount());
        n.quotas().check(project, auth.userId(), Map.of("metadata_items", (long) c.metadata().size()));
        int count = admit(project, auth.userId(), flavor, c);

        Instant now = ctx.clock().instant();
        String reservationId = "r-" + HexFormat.of().formatHex(randomBytes(4));
        String requestId = req.ids().local();
        List<BuildRequest> created = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String uuid = UUID.randomUUID().toString();
            String name = count > 1 ? c.name() + "-" + (index + 1) : c.name();
            Map<String, String> sysmeta = new HashMap<>();
            imageProperties.forEach((k, v) -> sysmeta.put("image_" + k, v));
            if (where.zone() != null) {
                sysmeta.put("overcast:requested_az", where.zone());
            }
            sysmeta.put(DiskConfig.KEY, c.diskConfig());
            if (!nics.requests().isEmpty()) {
                sysmeta.put(NetworkRequest.KEY, NetworkRequest.write(nics.requests()));
                sysmeta.put(NetworkRequest.GROUPS_KEY, String.join(",", nics.securityGroups()));
            }
            Instance instance = new Instance(uuid, project, auth.userId(), name, c.description(),
                    hostname(c, name, count, index), null, null, where.zone(), flavor, c.imageRef() == null ? ""
                    : c.imageRef(), c.keyName(), keyData, c.userData(), Lifecycle.initial(), null, null,
                    reservationId, index, c.accessIpV4(), c.accessIpV6(), sysmeta, null, null, null, null, now, now,
                    null, false);
            created.add(new BuildRequest(instance, c.metadata(), c.tags(), requestId, reservationId));
        }
        SchedulingRequest spec = new SchedulingRequest(imageProperties, c.schedulerHints(), where.zone(),
                where.forceHost(), where.forceNode(), c.requestedHost(), c.requestedNode(), groupUuid);
        builds.create(created, spec, now);
        recheckQuota(project, auth.userId(), created);
        if (groupUuid != null) {
            created.forEach(b -> n.groups().addMember(groupUuid, b.uuid()));
        }
        ctx.bus().cast(Conductor.TARGET, Conductor.BUILD,
                new Conductor.BuildArgs(created.stream().map(BuildRequest::uuid).toList()));
        return new Created(created, reservationId, c.adminPass() != null ? c.adminPass() : adminPass());
    }

    /** Checks the image against the flavor; returns its properties for the scheduler. */
    private Map<String, String> checkImage(Request req, CreateRequest c, InstanceFlavor flavor) {
        if (c.imageRef() == null) {
            throw ApiException.badRequest("Invalid input for field/attribute imageRef. "
                    + "An image is needed: imageRef, or a block_device_mapping_v2 entry with source_type image "
                    + "and boot_index 0.");
        }
        ServerNeighbours.ImageInfo image = n.images().find(c.imageRef(), req).orElseThrow(() ->
                ApiException.badRequest("Image " + c.imageRef() + " could not be found."));
        if (!image.status().equals("active")) {
            throw ApiException.badRequest("Image " + image.id() + " is not active.");
        }
        if (image.minRamMb() > flavor.memoryMb()) {
            throw ApiException.badRequest("Flavor's memory is too small for requested image.");
        }
        long rootBytes = (long) flavor.rootGb() << 30;
        if (flavor.rootGb() > 0 && (image.minDiskGb() > flavor.rootGb()
                || (image.sizeBytes() != null && image.sizeBytes() > rootBytes))) {
            throw ApiException.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
                    + rootBytes + " bytes, image is " + image.sizeBytes() + " bytes.");
        }
        return image.properties();
    }

    /** Where the server may go: a zone, and for admins a forced host or node ({@code az:host:node}). */
    private record Destination(String zone, String forceHost, String forceNode) {
    }

    private Destination destination(Request req, CreateRequest c) {
        if (c.requestedHost() != null || c.requestedNode() != null) {
            ctx.enforce(req, ServerPolicy.CREATE_REQUESTED_DESTINATION);
        }
        String az = c.availabilityZone();
        if (az == null) {
            return new Destination(null, null, null);
        }
        String[] parts = az.split(":", -1);
        String zone = parts[0].isEmpty() ? null : parts[0];
        String host = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        String node = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        if (host != null || node != null) {
            ctx.enforce(req, ServerPolicy.CREATE_FORCED_HOST);
        }
        if (zone != null && !n.zones().exists(zone)) {
            throw ApiException.badRequest("The requested availability zone is not available");
        }
        return new Destination(zone, host, node);
    }

    private String group(CreateRequest c, String project) {
        List<String> group = c.schedulerHints().get("group");
        if (group == null || group.isEmpty()) {
            return null;
        }
        String uuid = group.getFirst();
        if (n.groups().policy(uuid, project).isEmpty()) {
            throw ApiException.badRequest("Invalid input for field/attribute group. Value: " + uuid
                    + ". Group " + uuid + " could not be found.");
        }
        return uuid;
    }

    /**
     * How many instances to build: max_count if the quotas allow, else as many as they allow down
     * to min_count, else upstream's 403.
     */
    private int admit(String project, String user, InstanceFlavor flavor, CreateRequest c) {
        ApiException refused = null;
        for (int count = c.maxCount(); count >= c.minCount(); count--) {
            try {
                n.quotas().check(project, user, deltas(flavor, count));
                return count;
            } catch (ApiException e) {
                if (refused == null || count == c.minCount()) {
                    refused = e;
                }
            }
        }
        throw refused;
    }

    private static Map<String, Long> deltas(InstanceFlavor flavor, int count) {
        return Map.of("instances", (long) count, "cores", (long) flavor.vcpus() * count,
                "ram", (long) flavor.memoryMb() * count);
    }

    /** Two creates may both pass the first check; the second one over the limit is undone, as Nova's recheck. */
    private void recheckQuota(String project, String user, List<BuildRequest> created) {
        try {
            n.quotas().check(project, user, Map.of("instances", 0L, "cores", 0L, "ram", 0L));
        } catch (ApiException e) {
            created.forEach(b -> builds.deleteBuild(b.uuid()));
            throw e;
        }
    }

    /** The guest hostname: given (2.90), or made from the display name as Nova sanitises it. */
    private static String hostname(CreateRequest c, String name, int count, int index) {
        if (c.hostname() != null) {
            return count > 1 ? c.hostname() + "-" + (index + 1) : c.hostname();
        }
        String h = name.toLowerCase(Locale.ROOT).replaceAll("[ _]", "-").replaceAll("[^a-z0-9.-]", "")
                .replaceAll("^[.-]+|[.-]+$", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("[.-]+$", "");
        }
        return h.isEmpty() ? "server-" + index : h;
    }

    static String adminPass() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
