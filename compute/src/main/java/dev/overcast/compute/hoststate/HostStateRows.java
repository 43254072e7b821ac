package dev.overcast.compute.hoststate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.agent.Inventories;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.SupportedInstance;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/** Turns a compute node row and its service into the scheduler's {@link HostState}. Pure. */
final class HostStateRows {
    private HostStateRows() {
    }

    static HostState state(ComputeNode n, ServiceRecord service, boolean up, Set<String> instances, int ioOps,
                           List<Aggregate> aggregates) {
        JsonNode cpu = cpuInfo(n.cpuInfo());
        String arch = cpu.path("arch").asString(null);
        Map<String, String> capabilities = new LinkedHashMap<>();
        flatten("cpu_info", cpu, capabilities);
        capabilities.put("hypervisor_hostname", n.hypervisorHostname());
        if (n.hostIp() != null) {
            capabilities.put("host_ip", n.hostIp());
        }
        List<SupportedInstance> supported = arch == null ? List.of()
                : List.of(new SupportedInstance(arch, n.hypervisorType().toLowerCase(Locale.ROOT), "hvm"));
        return new HostState(n.host(), n.hypervisorHostname(), n.uuid(),
                CellHostStates.capacity(n.vcpus(), n.vcpusUsed(), Inventories.CPU_ALLOCATION_RATIO),
                CellHostStates.capacity(n.memoryMb(), n.memoryMbUsed(), Inventories.RAM_ALLOCATION_RATIO),
                CellHostStates.capacity(n.localGb(), n.localGbUsed(), Inventories.DISK_ALLOCATION_RATIO),
                ioOps, instances, CellHostStates.service(service, up), n.hypervisorType(), n.hypervisorVersion(),
                arch, supported, capabilities, aggregates, n.failedBuilds());
    }

    private static JsonNode cpuInfo(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode parsed = Json.parse(text);
            return parsed.isObject() ? parsed : Json.object();
        } catch (RuntimeException notJson) {
            return Json.object();
        }
    }

    /** Nested keys joined by {@code :}, as ComputeCapabilitiesFilter names them; arrays as comma lists. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                flatten(prefix + ":" + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder list = new StringBuilder();
            node.forEach(v -> list.append(list.isEmpty() ? "" : ", ").append(v.asString()));
            out.put(prefix, list.toString());
        } else if (!node.isNull()) {
            out.put(prefix, node.asString());
        }
    }
}
