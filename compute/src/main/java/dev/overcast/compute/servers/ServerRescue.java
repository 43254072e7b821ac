package dev.overcast.compute.servers;

import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code rescue} and {@code unrescue}, as Nova: a rescued server boots from a rescue disk with
 * its own disk beside it (status {@code RESCUE}) until it is unrescued. Rescue is for active,
 * stopped and errored servers; its answer carries the rescue system's password, the one asked
 * for or a generated one.
 *
 * <p>Volume-backed servers cannot be rescued in Nova before 2.87; Overcast has no volumes, so
 * every server boots from an image and may be rescued. The rescue image, when named, must be
 * one the caller can see.
 */
final class ServerRescue {
    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;
    private final ServerNeighbours n;

    ServerRescue(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks, ServerNeighbours neighbours) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
        this.n = neighbours;
    }

    Response rescue(Request req, String uuid, JsonNode args) {
        String password = null;
        String imageRef = null;
        if (args != null && !args.isNull()) {
            if (!args.isObject()) {
                throw CreateRequest.invalid("rescue", args.toString(), args + " is not of type 'object', 'null'");
            }
            String value = args.toString();
            UnknownAttributes.check(req, args, field -> field.equals("adminPass") || field.equals("rescue_image_ref"),
                    field -> CreateRequest.invalid("rescue", value,
                            "Additional properties are not allowed ('" + field + "' was unexpected)"));
            password = args.has("adminPass") ? string(args, "adminPass") : null;
            imageRef = args.has("rescue_image_ref") ? string(args, "rescue_image_ref") : null;
            if (imageRef != null && !CreateRequest.isUuid(imageRef)) {
                throw CreateRequest.invalid("rescue_image_ref", imageRef, "'" + imageRef + "' is not a 'uuid'");
            }
        }
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.RESCUE, Map.of("project_id", r.instance().projectId()));
        if (imageRef != null && n.images().find(imageRef, req).isEmpty()) {
            throw ApiException.badRequest("Image " + imageRef + " could not be found.");
        }
        tasks.requestWithRetry(req, uuid, ServerPolicy.RESCUE, Lifecycle.Event.RESCUE_REQUESTED, "rescue", "rescue");
        return Response.ok(Json.object().put("adminPass", password != null ? password : ServerCreate.adminPass()));
    }

    Response unrescue(Request req, String uuid) {
        tasks.requestWithRetry(req, uuid, ServerPolicy.UNRESCUE, Lifecycle.Event.UNRESCUE_REQUESTED, "unrescue",
                "unrescue");
        return Response.accepted(null);
    }

    private static String string(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (!value.isString()) {
            throw CreateRequest.invalid(field, value.toString(), value + " is not of type 'string'");
        }
        return value.asString();
    }
}
