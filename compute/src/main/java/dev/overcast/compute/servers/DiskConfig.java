package dev.overcast.compute.servers;

import java.util.HashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import tools.jackson.databind.JsonNode;

/**
 * {@code OS-DCF:diskConfig}, how the guest's root partition is sized: {@code MANUAL} (the
 * default) or {@code AUTO}. The simulated disk has no partitions; the choice is kept and shown.
 */
final class DiskConfig {
    static final String KEY = "overcast:disk_config";

    private DiskConfig() {
    }

    static String read(JsonNode value) {
        String v = value == null || value.isNull() ? "MANUAL" : value.asString("");
        if (!v.equals("AUTO") && !v.equals("MANUAL")) {
            throw CreateRequest.invalid("OS-DCF:diskConfig", String.valueOf(value),
                    "'" + v + "' is not one of ['AUTO', 'MANUAL']");
        }
        return v;
    }

    static String of(Instance i) {
        return i.systemMetadata().getOrDefault(KEY, "MANUAL");
    }

    /** The instance with the choice in its system metadata (for a build request, not yet stored). */
    static Instance withKey(Instance i, String value) {
        Map<String, String> sysmeta = new HashMap<>(i.systemMetadata());
        sysmeta.put(KEY, value);
        return i.withSystemMetadata(sysmeta);
    }

    /** Writes the choice into the instance's system metadata, racing no state change. */
    static void remember(ComputeContext ctx, InstanceStore store, String uuid, String value) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instance i = store.find(uuid).orElseThrow(() -> ServerLookup.notFound(uuid));
            if (store.transition(i.state(), withKey(i, value), ctx.clock().instant())) {
                return;
            }
        }
    }
}
