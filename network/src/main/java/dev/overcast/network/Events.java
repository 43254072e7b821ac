package dev.overcast.network;

import dev.overcast.core.bus.VersionedPayload;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neutron's notifications ({@code network.create.end}, {@code port.delete.end}, ...): the payload
 * holds the resource as the API showed it, under its singular name, as Neutron sends it.
 */
public final class Events {
    private Events() {
    }

    /** Sends {@code <resource>.<action>.end} carrying {@code {"<resource>": view}}. */
    public static void end(NetworkContext ctx, String resource, String action, ObjectNode view) {
        ObjectNode data = Json.object();
        data.set(resource, view);
        String name = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + "Payload";
        ctx.notifier().info(resource + "." + action + ".end", VersionedPayload.of("neutron", name, "1.0", data));
    }

    /** Sends {@code <resource>.delete.end} carrying {@code {"<resource>_id": id}}. */
    public static void deleted(NetworkContext ctx, String resource, String id) {
        ObjectNode data = Json.object();
        data.put(resource + "_id", id);
        String name = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + "DeletePayload";
        ctx.notifier().info(resource + ".delete.end", VersionedPayload.of("neutron", name, "1.0", data));
    }
}
