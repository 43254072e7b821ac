package dev.overcast.compute.servers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;


import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.instances.VmState;
import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders servers as each microversion shows them. What a caller may see beyond its own fields
 * (host names, the hostname before 2.90, host status) is decided by policy before rendering and
 * passed in as {@link Visibility}.
 */
final class ServerView {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter USAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /**
     * What this caller may see.
     *
     * @param extended        the {@code OS-EXT-SRV-ATTR:*} attributes (admins)
     * @param hostStatus      {@code host_status} (2.16, admins)
     * @param flavorExtraSpecs the flavor's extra specs in the embedded flavor (2.47)
     * @param faultDetails    a 500 fault's details (admins)
     */
    record Visibility(boolean extended, boolean hostStatus, boolean flavorExtraSpecs, boolean faultDetails) {
    }

    /** The statuses Nova shows a progress with. */
    private static final java.util.Set<String> PROGRESS = java.util.Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE",
            "VERIFY_RESIZE", "MIGRATING");

    private ServerView() {
    }

    static ObjectNode summary(Request req, Instance i) {
        ObjectNode s = Json.object();
        s.put("id", i.uuid());
        s.put("name", i.displayName());
        links(s, req, i.uuid());
        return s;
    }

    static ObjectNode detail(Request req, ServerRecord r, Visibility can, String hostStatus, List<String> groups) {
        return detail(req, r, can, hostStatus, groups, false);
    }

    /**
     * A server's view; {@code brief} is the view an update or rebuild answers before 2.75, without the
     * extended attributes (zone, states, usage times, key name, volumes, host attributes, groups).
     */
    static ObjectNode detail(Request req, ServerRecord r, Visibility can, String hostStatus, List<String> groups,
                             boolean brief) {
        Instance i = r.instance();
        ObjectNode s = Json.object();
        s.put("id", i.uuid());
        s.put("name", i.displayName());
        s.put("status", i.state().status());
        s.put("tenant_id", i.projectId());
        s.put("user_id", i.userId());
        s.set("metadata", Json.tree(r.metadata()));
        s.put("hostId", hostId(i));
        image(s, req, i);
        flavor(s, req, i.flavor(), can.flavorExtraSpecs());
        s.put("created", ISO.format(i.createdAt()));
        s.put("updated", ISO.format(i.updatedAt() == null ? i.createdAt() : i.updatedAt()));
        s.set("addresses", r.network().addresses(!brief));
        if (!brief && !r.network().securityGroups().isEmpty()) {
            var securityGroups = s.putArray("security_groups");
            r.network().securityGroups().forEach(g -> securityGroups.addObject().put("name", g));
        }
        s.put("accessIPv4", i.accessIpV4() == null ? "" : i.accessIpV4());
        s.put("accessIPv6", i.accessIpV6() == null ? "" : i.accessIpV6());
        links(s, req, i.uuid());
        s.put("OS-DCF:diskConfig", DiskConfig.of(i));
        if (PROGRESS.contains(i.state().status())) {
            s.put("progress", 0);
        }
        if (!brief) {
            extended(req, s, i, can);
        }
        if (req.versionAtLeast(2, 9)) {
            s.put("locked", i.locked());
        }
        if (!brief && req.versionAtLeast(2, 16) && can.hostStatus()) {
            s.put("host_status", hostStatus);
        }
        if (req.versionAtLeast(2, 19)) {
            s.put("description", i.description());
        }
        if (req.versionAtLeast(2, 26)) {
            s.set("tags", Json.tree(r.tags()));
        }
        if (req.versionAtLeast(2, 63)) {
            s.putNull("trusted_image_certificates");
        }
        if (!brief && req.versionAtLeast(2, 71)) {
            s.set("server_groups", Json.tree(groups));
        }
        if (req.versionAtLeast(2, 73)) {
            s.put("locked_reason", i.lockReason());
        }
        if (req.versionAtLeast(2, 96)) {
            s.put("pinned_availability_zone", i.systemMetadata().get("overcast:requested_az"));
        }
        Fault f = r.fault();
        if (f != null && (i.state().vm() == VmState.ERROR || i.state().vm() == VmState.DELETED)) {
            ObjectNode fault = s.putObject("fault");
            fault.put("code", f.code());
            fault.put("created", ISO.format(f.created()));
            fault.put("message", f.message());
            if (can.faultDetails() || f.code() != 500) {
                fault.put("details", f.details());
            }
        }
        return s;
    }

    /** The attributes of Nova's former extensions: zone, states, usage times, key, volumes, host attributes. */
    private static void extended(Request req, ObjectNode s, Instance i, Visibility can) {
        s.put("OS-EXT-AZ:availability_zone", i.availabilityZone() == null ? "" : i.availabilityZone());
        s.put("config_drive", "");
        s.put("key_name", i.keyName());
        s.put("OS-SRV-USG:launched_at", i.launchedAt() == null ? null : USAGE.format(i.launchedAt()));
        s.put("OS-SRV-USG:terminated_at", i.terminatedAt() == null ? null : USAGE.format(i.terminatedAt()));
        s.put("OS-EXT-STS:task_state", i.state().task() == null ? null : i.state().task().value());
        s.put("OS-EXT-STS:vm_state", i.state().vm().value());
        s.put("OS-EXT-STS:power_state", i.state().power().code());
        s.putArray("os-extended-volumes:volumes_attached");
        if (can.extended()) {
            s.put("OS-EXT-SRV-ATTR:host", i.host());
            s.put("OS-EXT-SRV-ATTR:instance_name", i.instanceName());
            s.put("OS-EXT-SRV-ATTR:hypervisor_hostname", i.node());
            if (req.versionAtLeast(2, 3)) {
                s.put("OS-EXT-SRV-ATTR:reservation_id", i.reservationId());
                s.put("OS-EXT-SRV-ATTR:launch_index", i.launchIndex());
                s.put("OS-EXT-SRV-ATTR:kernel_id", "");
                s.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                s.putNull("OS-EXT-SRV-ATTR:root_device_name");
                s.put("OS-EXT-SRV-ATTR:user_data", i.userData());
            }
        }
        if (req.versionAtLeast(2, 3) && (can.extended() || req.versionAtLeast(2, 90))) {
            s.put("OS-EXT-SRV-ATTR:hostname", i.hostname());
        }
    }

    /** Down-cell records (2.69): what the API database knows of a server whose cell did not answer. */
    static ObjectNode unknown(Request req, String uuid, String projectId, Instant created) {
        ObjectNode s = Json.object();
        s.put("id", uuid);
        s.put("status", "UNKNOWN");
        s.put("tenant_id", projectId);
        s.put("created", ISO.format(created));
        links(s, req, uuid);
        return s;
    }

    static void links(ObjectNode s, Request req, String uuid) {
        var links = s.putArray("links");
        links.addObject().put("rel", "self").put("href", req.serviceUrl() + "/v2.1/servers/" + uuid);
        links.addObject().put("rel", "bookmark").put("href", req.serviceUrl() + "/servers/" + uuid);
    }

    private static void image(ObjectNode s, Request req, Instance i) {
        if (i.imageRef() == null || i.imageRef().isEmpty()) {
            s.put("image", "");
            return;
        }
        ObjectNode image = s.putObject("image");
        image.put("id", i.imageRef());
        image.putArray("links").addObject().put("rel", "bookmark")
                .put("href", req.serviceUrl() + "/images/" + i.imageRef());
    }

    private static void flavor(ObjectNode s, Request req, InstanceFlavor f, boolean extraSpecs) {
        ObjectNode flavor = s.putObject("flavor");
        if (!req.versionAtLeast(2, 47)) {
            flavor.put("id", f.flavorId());
            flavor.putArray("links").addObject().put("rel", "bookmark")
                    .put("href", req.serviceUrl() + "/flavors/" + f.flavorId());
            return;
        }
        flavor.put("vcpus", f.vcpus());
        flavor.put("ram", f.memoryMb());
        flavor.put("disk", f.rootGb());
        flavor.put("ephemeral", f.ephemeralGb());
        flavor.put("swap", f.swap());
        flavor.put("original_name", f.name());
        if (extraSpecs) {
            flavor.set("extra_specs", Json.tree(f.extraSpecs()));
        }
    }

    /** Nova's hostId: a digest of project and host, so users see co-location without host names. */
    static String hostId(Instance i) {
        return i.host() == null ? "" : hostId(i.projectId(), i.host());
    }

    static String hostId(String projectId, String host) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha.digest((projectId + host).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String time(Instant t) {
        return ISO.format(t);
    }

}
