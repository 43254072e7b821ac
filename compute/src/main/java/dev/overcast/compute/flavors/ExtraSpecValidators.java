package dev.overcast.compute.flavors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;

/**
 * Extra spec validation from microversion 2.86, after Nova's {@code nova.api.validation.extra_specs}:
 * a known key's value must fit its type; a key in a namespace Nova knows ({@code hw:},
 * {@code resources:}, {@code trait:}, ...) must be one of that namespace's keys; any other key
 * is free. The table is Nova's validators as data: a name template whose {@code {param}}
 * parts are regular expressions, and a value rule.
 */
final class ExtraSpecValidators {
    private static final String GROUP = "([a-zA-Z0-9_-]{1,64})?";
    private static final String CPU_MASK = "\\^?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*";
    private static final List<String> RESOURCE_CLASSES = List.of("VCPU", "MEMORY_MB", "DISK_GB", "PCI_DEVICE",
            "SRIOV_NET_VF", "NUMA_SOCKET", "NUMA_CORE", "NUMA_THREAD", "NUMA_MEMORY_MB", "IPV4_ADDRESS", "VGPU",
            "VGPU_DISPLAY_HEAD", "NET_BW_EGR_KILOBIT_PER_SEC", "NET_BW_IGR_KILOBIT_PER_SEC", "PCPU",
            "MEM_ENCRYPTION_CONTEXT", "FPGA", "PGPU", "NET_PACKET_RATE_KILOPACKET_PER_SEC",
            "NET_PACKET_RATE_EGR_KILOPACKET_PER_SEC", "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC");

    private enum Type { INT, BOOL, STR }

    /** One known extra spec: its name as a regular expression and the rule for its value. */
    private record Validator(String name, Pattern nameRegex, Type type, List<String> choices, Pattern pattern,
                             String patternText, Long min, Long max) {
    }

    private static final Map<String, Validator> EXACT = new LinkedHashMap<>();
    private static final List<Validator> PARAMETERISED = new ArrayList<>();
    private static final Set<Pattern> NAMESPACES = new LinkedHashSet<>();

    static {
        bool("hw:cpu_realtime");
        str("hw:cpu_realtime_mask", "(\\^)?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*");
        bool("hw:hide_hypervisor_id");
        choice("hw:cpu_policy", "dedicated", "shared", "mixed");
        choice("hw:cpu_thread_policy", "prefer", "isolate", "require");
        choice("hw:emulator_threads_policy", "isolate", "share");
        str("hw:cpu_dedicated_mask", CPU_MASK);
        str("hw:mem_page_size", "(large|small|any|\\d+([kKMGT]i?)?(b|bit|B)?)");
        integer("hw:numa_nodes", 1L, null);
        add("hw:numa_cpus.{id}", Map.of("id", "\\d+"), Type.STR, List.of(), CPU_MASK, null, null);
        add("hw:numa_mem.{id}", Map.of("id", "\\d+"), Type.INT, List.of(), null, 1L, null);
        choice("hw:pci_numa_affinity_policy", "required", "preferred", "legacy", "socket");
        for (String topology : List.of("cpu_sockets", "cpu_cores", "cpu_threads", "max_cpu_sockets",
                "max_cpu_cores", "max_cpu_threads")) {
            integer("hw:" + topology, 1L, null);
        }
        bool("hw:boot_menu");
        bool("hw:mem_encryption");
        choice("hw:mem_encryption_model", "amd-sev", "amd-sev-es");
        str("hw:pmem", "([a-zA-Z0-9_]+(,)?)+");
        bool("hw:pmu");
        integer("hw:serial_port_count", 0L, null);
        choice("hw:tpm_model", "tpm-tis", "tpm-crb");
        choice("hw:tpm_version", "1.2", "2.0");
        choice("hw:tpm_secret_security", "user", "host", "deployment");
        choice("hw:watchdog_action", "none", "pause", "poweroff", "reset", "disabled");
        bool("hw:locked_memory");
        bool("hw:virtio_packed_ring");
        bool("hw:vif_multiqueue_enabled");
        choice("hw:viommu_model", "intel", "smmuv3", "virtio", "auto");
        choice("hw:maxphysaddr_mode", "emulate", "passthrough");
        integer("hw:maxphysaddr_bits", 1L, null);
        bool("hw:ephemeral_encryption");
        choice("hw:ephemeral_encryption_format", "luks", "plain");
        str("hw:sound_model", null);
        str("hw:usb_model", null);
        integer("hw:redirected_usb_ports", 0L, 15L);
        bool("hw_rng:allowed");
        integer("hw_rng:rate_bytes", 0L, null);
        integer("hw_rng:rate_period", 0L, null);
        integer("hw_video:ram_max_mb", 0L, null);
        choice("os:secure_boot", "disabled", "required");
        str("accel:device_profile", null);
        str("pci_passthrough:alias", "[^:]+:\\d+(?:\\,[^:]+:\\d+)*");
        str("vmware:hw_version", null);
        str("vmware:storage_policy", null);
        for (String resource : List.of("cpu", "memory", "disk_io", "vif")) {
            integer("quota:" + resource + "_limit", null, null);
            integer("quota:" + resource + "_reservation", null, null);
            str("quota:" + resource + "_shares_level", null);
            integer("quota:" + resource + "_shares_share", null, null);
        }
        for (String key : List.of("shares", "period", "quota")) {
            integer("quota:cpu_" + key, 0L, null);
        }
        for (String stat : List.of("read", "write", "total")) {
            for (String metric : List.of("bytes", "iops")) {
                integer("quota:disk_" + stat + "_" + metric + "_sec", 0L, null);
            }
        }
        for (String stat : List.of("inbound", "outbound")) {
            for (String metric : List.of("average", "peak", "burst")) {
                integer("quota:vif_" + stat + "_" + metric, 0L, null);
            }
        }
        for (String rc : RESOURCE_CLASSES) {
            add("resources{group}:" + rc, Map.of("group", GROUP), Type.INT, List.of(), null, null, null);
        }
        add("resources{group}:CUSTOM_{resource}", Map.of("group", GROUP, "resource", "[A-Z0-9_]+"), Type.INT,
                List.of(), null, null, null);
        for (String trait : standardTraits()) {
            add("trait{group}:" + trait, Map.of("group", GROUP), Type.STR, List.of("required", "forbidden"), null,
                    null, null);
        }
        add("trait{group}:CUSTOM_{trait}", Map.of("group", GROUP, "trait", "[A-Z0-9_]+"), Type.STR,
                List.of("required", "forbidden"), null, null, null);
        for (String capability : List.of("id", "uuid", "service_id", "host", "vcpus", "memory_mb", "local_gb",
                "vcpus_used", "memory_mb_used", "local_gb_used", "hypervisor_type", "hypervisor_version",
                "hypervisor_hostname", "free_ram_mb", "free_disk_gb", "current_workload", "running_vms",
                "disk_available_least", "host_ip", "mapped", "cpu_allocation_ratio", "ram_allocation_ratio",
                "disk_allocation_ratio", "total_usable_ram_mb", "total_usable_disk_gb", "disk_mb_used",
                "free_disk_mb", "vcpus_total", "num_instances", "num_io_ops", "failed_builds", "aggregates",
                "cell_uuid", "updated")) {
            str("capabilities:" + capability, null);
        }
        for (String capability : List.of("cpu_info", "metrics", "stats", "numa_topology", "supported_hv_specs",
                "pci_device_pools", "nodename", "pci_stats", "supported_instances", "limits", "instances")) {
            add("capabilities:" + capability + "{filter}", Map.of("filter", "(:\\w+)*"), Type.STR, List.of(), null,
                    null, null);
        }
        add("aggregate_instance_extra_specs:{key}", Map.of("key", ".+"), Type.STR, List.of(), null, null, null);
        bool("hide_hypervisor_id");
        choice("group_policy", "isolate", "none");
    }

    private ExtraSpecValidators() {
    }

    /** Validates one extra spec; a 400 in Nova's words when it is wrong. */
    static void validate(String name, String value) {
        Validator v = EXACT.get(name);
        if (v == null) {
            v = PARAMETERISED.stream().filter(p -> p.nameRegex().matcher(name).matches()).findFirst().orElse(null);
        }
        if (v != null) {
            check(v, value);
            return;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return;
        }
        String namespace = name.substring(0, colon);
        if (NAMESPACES.stream().anyMatch(ns -> ns.matcher(namespace).matches())) {
            throw invalid("Validation failed; extra spec '" + name + "' does not appear to be a valid extra spec.");
        }
    }

    private static void check(Validator v, String value) {
        switch (v.type()) {
            case INT -> {
                String text = value.strip();
                if (!text.matches("[+-]?[0-9]+")) {
                    throw invalid("Validation failed; '" + value + "' is not a valid integer value.");
                }
                java.math.BigInteger n = new java.math.BigInteger(text);
                if (v.max() != null && n.compareTo(java.math.BigInteger.valueOf(v.max())) > 0) {
                    throw invalid("Validation failed; '" + text + "' is greater than the max value of '" + v.max()
                            + "'.");
                }
                if (v.min() != null && n.compareTo(java.math.BigInteger.valueOf(v.min())) < 0) {
                    throw invalid("Validation failed; '" + text + "' is less than the min value of '" + v.min() + "'.");
                }
            }
            case BOOL -> {
                switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "1", "t", "true", "on", "y", "yes", "0", "f", "false", "off", "n", "no" -> {
                    }
                    default -> throw invalid("Validation failed; '" + value + "' is not a valid boolean-like value.");
                }
            }
            case STR -> {
                if (v.pattern() != null && !v.pattern().matcher(value).matches()) {
                    throw invalid("Validation failed; '" + value + "' is not of the format '" + v.patternText() + "'.");
                }
                if (v.pattern() == null && !v.choices().isEmpty() && !v.choices().contains(value)) {
                    throw invalid("Validation failed; '" + value + "' is not one of: " + String.join(", ", v.choices())
                            + ".");
                }
            }
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest(message);
    }

    private static void bool(String name) {
        add(name, Map.of(), Type.BOOL, List.of(), null, null, null);
    }

    private static void integer(String name, Long min, Long max) {
        add(name, Map.of(), Type.INT, List.of(), null, min, max);
    }

    private static void str(String name, String pattern) {
        add(name, Map.of(), Type.STR, List.of(), pattern, null, null);
    }

    private static void choice(String name, String... values) {
        add(name, Map.of(), Type.STR, List.of(values), null, null, null);
    }

    private static void add(String name, Map<String, String> params, Type type, List<String> choices, String pattern,
                            Long min, Long max) {
        String regex = Pattern.quote(name);
        for (Map.Entry<String, String> p : params.entrySet()) {
            regex = regex.replace("{" + p.getKey() + "}", "\\E(?<" + p.getKey() + ">" + p.getValue() + ")\\Q");
        }
        Validator v = new Validator(name, Pattern.compile(regex), type, choices,
                pattern == null ? null : Pattern.compile(pattern), pattern, min, max);
        if (params.isEmpty()) {
            EXACT.put(name, v);
        } else {
            PARAMETERISED.add(v);
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String namespace = name.substring(0, colon);
            for (Map.Entry<String, String> p : params.entrySet()) {
                namespace = namespace.replace("{" + p.getKey() + "}", p.getValue());
            }
            String ns = namespace;
            if (NAMESPACES.stream().noneMatch(existing -> existing.pattern().equals(ns))) {
                NAMESPACES.add(Pattern.compile(ns));
            }
        }
    }

    private static List<String> standardTraits() {
        List<String> names = new ArrayList<>();
        try (InputStream in = ExtraSpecValidators.class.getResourceAsStream("/compute/standard-traits.txt")) {
            if (in == null) {
                throw new IllegalStateException("no resource /compute/standard-traits.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the standard traits", e);
        }
        return names;
    }
}
