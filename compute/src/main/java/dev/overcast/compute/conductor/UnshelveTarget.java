package dev.overcast.compute.conductor;

import java.util.HashMap;
import java.util.Map;

import dev.overcast.compute.instances.Instance;

/**
 * Where an unshelve asked to go, kept in the instance's system metadata from the API's request until
 * the conductor has placed it: a zone (2.77; empty for any zone, 2.91) and a host (2.91, admins).
 */
public final class UnshelveTarget {
    public static final String ZONE_KEY = "overcast:unshelve_zone";
    public static final String HOST_KEY = "overcast:unshelve_host";

    private UnshelveTarget() {
    }

    /** The zone asked for: null when none was (the create's), empty for any zone. */
    static String zone(Instance i) {
        return i.systemMetadata().get(ZONE_KEY);
    }

    /** The host asked for, or null. */
    static String host(Instance i) {
        return i.systemMetadata().get(HOST_KEY);
    }

    /** The instance without what its unshelve asked for, once it is placed. */
    static Instance forget(Instance i) {
        Map<String, String> sysmeta = new HashMap<>(i.systemMetadata());
        sysmeta.remove(ZONE_KEY);
        sysmeta.remove(HOST_KEY);
        return i.withSystemMetadata(sysmeta);
    }
}
