package dev.overcast.compute.extensions;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/** The extensions rule, with Nova's name and default: anyone with a token. */
public final class ExtensionPolicy {
    private ExtensionPolicy() {
    }

    static final String EXTENSIONS = "os_compute_api:extensions";

    public static final Map<String, String> RULES = Map.of(EXTENSIONS, ComputePolicy.ANY);
}
