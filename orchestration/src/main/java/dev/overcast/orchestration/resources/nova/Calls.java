package dev.overcast.orchestration.resources.nova;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.overcast.orchestration.cloud.Cloud;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.template.functions.Py;

/**
 * What the Nova resource types share: their clients (as the stack's user), a key that names one
 * create of one resource, and waiting on the cloud with the injected clock and sleeper. The
 * OS::Neutron types use the key, the names and the waits too.
 *
 * <p>The creation key makes creates safe to run twice. It is derived from the stack's id, the
 * resource's name and its properties, so an engine that died after Nova made the server and runs
 * the step again computes the same key, finds what the first run made (by the key as a server
 * tag, or by the name derived from it) and takes it over instead of making a second one; a
 * replacement has other properties, hence another key, and never takes over the resource it
 * replaces.
 */
public final class Calls {
    /** Servers, groups and key pairs with tags and the v2.1 behaviour Heat's novaclient expects. */
    static final String COMPUTE_VERSION = "2.52";
    /** Key pairs that Nova still generates (2.92 removed generation) with a type (2.2). */
    static final String KEYPAIR_VERSION = "2.2";
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration PATIENCE = Duration.ofHours(1);

    private Calls() {
    }

    static ServiceClient compute(PluginContext context) {
        return context.services().require(Cloud.class).client(Cloud.Service.COMPUTE, context.stack())
                .microversion(COMPUTE_VERSION);
    }

    static ServiceClient image(PluginContext context) {
        return context.services().require(Cloud.class).client(Cloud.Service.IMAGE, context.stack());
    }

    static ServiceClient network(PluginContext context) {
        return context.services().require(Cloud.class).client(Cloud.Service.NETWORK, context.stack());
    }

    /** @return 40 hex digits naming this create of this resource in this stack */
    public static String creationKey(PluginContext context, String resourceName, Map<String, Object> properties) {
        String source = context.stack().id() + "\n" + resourceName + "\n" + Py.jsonDumps(properties, true);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Heat's physical name, {@code <stack>-<resource>-<12 characters>}, the characters from the key. */
    public static String physicalName(PluginContext context, String resourceName, String key) {
        return context.stackName() + "-" + resourceName + "-" + key.substring(0, 12);
    }

    /** The name property when given, else the physical name. */
    public static String name(Object given, PluginContext context, String resourceName, String key) {
        return given == null ? physicalName(context, resourceName, key) : given.toString();
    }

    /**
     * Waits until {@code done} holds, asking again every {@link #POLL}.
     *
     * @throws ResourceFailure Timeout after {@link #PATIENCE}
     */
    public static void await(PluginContext context, String what, BooleanSupplier done) {
        Instant deadline = context.clock().instant().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (context.clock().instant().isAfter(deadline)) {
                throw new ResourceFailure("Timeout", what + " took longer than " + PATIENCE.toMinutes() + " minutes.");
            }
            context.sleeper().sleep(POLL);
        }
    }

    /**
     * A map property as Nova keeps server metadata and flavor extra specs: string values; Heat
     * writes other values as JSON, as this does.
     */
    static Map<String, String> strings(Object given) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof String s ? s : Py.jsonDumps(v, false)));
        }
        return out;
    }

    /** Deletes {@code path} and waits until it answers 404. */
    public static void deleteAndWait(PluginContext context, ServiceClient client, String path) {
        if (client.delete(path)) {
            await(context, "Deleting " + path, () -> client.find(path).isEmpty());
        }
    }
}
