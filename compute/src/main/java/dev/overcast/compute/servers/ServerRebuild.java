package dev.overcast.compute.servers;

import java.util.Map;
import java.util.function.BiFunction;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code rebuild} action: the server keeps its id, host and flavor and boots again from the
 * image asked for, with the name, metadata, key and user data the request gives (each field
 * from the microversion that brought it).
 */
final class ServerRebuild {
    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;
    private final ServerNeighbours n;
    private final BiFunction<Request, String, ObjectNode> brief;

    ServerRebuild(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks, ServerNeighbours neighbours,
                  BiFunction<Request, String, ObjectNode> brief) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
        this.n = neighbours;
        this.brief = brief;
    }

    Response rebuild(Request req, String uuid, JsonNode args) {
        if (args == null || !args.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute rebuild. 'rebuild' must be an object");
        }
        allowed(req, args);
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.REBUILD, Map.of("project_id", r.instance().projectId()));
        tasks.checkLock(req, r.instance());
        Instance i = r.instance();
        if (!Lifecycle.allows(i.state(), Lifecycle.Event.REBUILD_REQUESTED)) {
            throw new Lifecycle.InvalidState("rebuild", uuid, i.state());
        }
        String imageRef = text(args, "imageRef", 1, 255);
        if (imageRef == null) {
            throw ApiException.badRequest("Invalid input for field/attribute rebuild. 'imageRef' is a required property");
        }
        imageRef = imageRef.substring(imageRef.lastIndexOf('/') + 1);
        ServerNeighbours.ImageInfo image = n.images().find(imageRef, req).orElseThrow(() ->
                ApiException.badRequest("Image " + args.path("imageRef").asString() + " could not be found."));
        if (!image.status().equals("active")) {
            throw ApiException.badRequest("Image " + image.id() + " is not active.");
        }
        if (image.minRamMb() > i.flavor().memoryMb()) {
            throw ApiException.badRequest("Flavor's memory is too small for requested image.");
        }
        if (i.flavor().rootGb() > 0 && image.minDiskGb() > i.flavor().rootGb()) {
            throw ApiException.badRequest("Flavor's disk is too small for requested image.");
        }
        String name = args.has("name") ? text(args, "name", 1, 255) : i.displayName();
        String description = args.has("description") ? nullable(args, "description", 255) : i.description();
        String hostname = args.has("hostname") ? text(args, "hostname", 1, 63) : i.hostname();
        String v4 = args.has("accessIPv4") ? AccessAddresses.v4("accessIPv4", nullable(args, "accessIPv4", 64))
                : i.accessIpV4();
        String v6 = args.has("accessIPv6") ? AccessAddresses.v6("accessIPv6", nullable(args, "accessIPv6", 64))
                : i.accessIpV6();
        String keyName = i.keyName();
        String keyData = i.keyData();
        if (args.has("key_name")) {
            keyName = nullable(args, "key_name", 255);
            keyData = keyName == null ? null : n.keys().publicKey(req.auth().userId(), keyName).orElseThrow(() ->
                    ApiException.badRequest("Invalid key_name provided."));
        }
        String userData = args.has("user_data") ? nullable(args, "user_data", 65535) : i.userData();
        Map<String, String> metadata = args.has("metadata") ? MetadataRules.read("metadata", args.get("metadata"))
                : null;
        if (metadata != null) {
            MetadataRules.checkCount(metadata.size());
        }
        String adminPass = args.has("adminPass") ? nullable(args, "adminPass", 255) : ServerCreate.adminPass();

        InstanceStore store = new InstanceStore(ctx.cells().db(ServerLookup.cellOf(r, "rebuild")));
        store.updateForRebuild(i.withUserFields(name, description, hostname, v4, v6, image.id(), keyName, keyData,
                userData), ctx.clock().instant());
        if (metadata != null) {
            store.putMetadata(uuid, metadata, true);
        }
        // Before the task is asked for: the conductor rewrites the instance it reads when the
        // rebuild ends, so a choice written after could be lost (Tempest's disk config tests saw it).
        String diskConfig = args.has("OS-DCF:diskConfig") ? DiskConfig.read(args.get("OS-DCF:diskConfig")) : null;
        if (diskConfig != null) {
            DiskConfig.remember(ctx, store, uuid, diskConfig);
        }
        tasks.requestWithRetry(req, uuid, ServerPolicy.REBUILD, Lifecycle.Event.REBUILD_REQUESTED, "rebuild",
                "rebuild");
        ObjectNode server = brief.apply(req, uuid);
        // Nova's rebuild answer leaves out the user data even where a show has it (2.75+).
        server.remove("OS-EXT-SRV-ATTR:user_data");
        server.put("adminPass", adminPass);
        if (req.versionAtLeast(2, 54)) {
            server.put("key_name", keyName);
        }
        if (req.versionAtLeast(2, 57)) {
            server.put("user_data", userData);
        }
        if (diskConfig != null) {
            server.put("OS-DCF:diskConfig", diskConfig);
        }
        return Response.accepted(Map.of("server", server));
    }

    private static void allowed(Request req, JsonNode args) {
        UnknownAttributes.check(req, args, field -> switch (field) {
            case "imageRef", "name", "adminPass", "metadata", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig",
                 "preserve_ephemeral" -> true;
            case "personality" -> !req.versionAtLeast(2, 57);
            case "description" -> req.versionAtLeast(2, 19);
            case "key_name" -> req.versionAtLeast(2, 54);
            case "user_data" -> req.versionAtLeast(2, 57);
            case "trusted_image_certificates" -> req.versionAtLeast(2, 63);
            case "hostname" -> req.versionAtLeast(2, 90);
            default -> false;
        }, field -> ApiException.badRequest("Invalid input for field/attribute rebuild. Additional properties are "
                + "not allowed ('" + field + "' was unexpected)"));
    }


    private static String text(JsonNode args, String field, int min, int max) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || v.asString().length() < min || v.asString().length() > max) {
            throw CreateRequest.invalid(field, v.toString(), "it must be a string of " + min + " to " + max
                    + " characters");
        }
        return v.asString();
    }

    private static String nullable(JsonNode args, String field, int max) {
        return text(args, field, 0, max);
    }
}
