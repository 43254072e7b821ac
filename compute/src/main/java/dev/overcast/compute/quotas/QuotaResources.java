package dev.overcast.compute.quotas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's quota resources with their default limits ({@code [quota]} options; -1 is unlimited),
 * and which microversions leave which out of the API.
 */
final class QuotaResources {
    private QuotaResources() {
    }

    /** Every resource, in the order Nova registers them, with its default limit. */
    static final Map<String, Long> DEFAULTS;

    static {
        Map<String, Long> d = new LinkedHashMap<>();
        d.put("instances", 10L);
        d.put("cores", 20L);
        d.put("ram", 51200L);
        d.put("metadata_items", 128L);
        d.put("injected_files", 5L);
        d.put("injected_file_content_bytes", 10240L);
        d.put("injected_file_path_bytes", 255L);
        d.put("key_pairs", 100L);
        d.put("server_groups", 10L);
        d.put("server_group_members", 10L);
        // nova-network's, kept so that responses before 2.36 do not change.
        d.put("fixed_ips", -1L);
        d.put("floating_ips", 10L);
        d.put("security_groups", 10L);
        d.put("security_group_rules", 20L);
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    /** Counted from the instances of every cell and the build requests. */
    static final Set<String> INSTANCE_RESOURCES = Set.of("instances", "cores", "ram");

    /** Gone from quota sets and limits from 2.36 (the network proxy APIs). */
    static final List<String> NETWORK = List.of("fixed_ips", "floating_ips", "security_group_rules",
            "security_groups");

    /** Gone from 2.57 (personality files). */
    static final List<String> INJECTED = List.of("injected_files", "injected_file_content_bytes",
            "injected_file_path_bytes");

    static boolean known(String resource) {
        return DEFAULTS.containsKey(resource);
    }
}
