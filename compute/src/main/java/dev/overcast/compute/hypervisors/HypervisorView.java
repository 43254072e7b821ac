package dev.overcast.compute.hypervisors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A hypervisor as the request's microversion shows it, field for field as Nova's view. */
final class HypervisorView {
    private final boolean uuids;
    private final boolean cpuInfoObject;
    private final boolean usageFields;
    private final boolean uptime;
    private final boolean emptyServers;
    private final Instant now;
    private final Duration serviceDownTime;

    /** @param now the time services are up or down at */
    HypervisorView(Request req, Instant now, Duration serviceDownTime) {
        this.now = now;
        this.serviceDownTime = serviceDownTime;
        this.uuids = req.versionAtLeast(2, 53);
        this.cpuInfoObject = req.versionAtLeast(2, 28);
        this.usageFields = !req.versionAtLeast(2, 88);
        this.uptime = req.versionAtLeast(2, 88);
        this.emptyServers = req.versionAtLeast(2, 75);
    }

    /** The id a client sees and pages by: the row id before 2.53, the uuid from 2.53. */
    static String id(ComputeNode n, boolean uuids) {
        return uuids ? n.uuid() : Long.toString(n.id());
    }

    /**
     * id, hypervisor_hostname, state and status, and servers when asked for: a list with
     * servers, none without (an empty list from 2.75 when {@code withServers}).
     */
    ObjectNode summary(CellNodes.Located l, List<CellNodes.Server> servers, boolean withServers) {
        ObjectNode out = Json.object();
        if (uuids) {
            out.put("id", l.node().uuid());
        } else {
            out.put("id", l.node().id());
        }
        out.put("hypervisor_hostname", l.node().hypervisorHostname());
        out.put("state", state(l));
        out.put("status", l.service().disabled() ? "disabled" : "enabled");
        servers(out, servers, withServers);
        return out;
    }

    ObjectNode detail(CellNodes.Located l, int workload, String uptimeLine, List<CellNodes.Server> servers,
                      boolean withServers) {
        ComputeNode n = l.node();
        ObjectNode out = summary(l, null, false);
        out.put("hypervisor_type", n.hypervisorType());
        out.put("hypervisor_version", n.hypervisorVersion());
        out.put("host_ip", n.hostIp());
        ObjectNode service = out.putObject("service");
        if (uuids) {
            service.put("id", l.service().uuid());
        } else {
            service.put("id", l.service().id());
        }
        service.put("host", n.host());
        service.put("disabled_reason", l.service().disabledReason());
        if (usageFields) {
            out.put("vcpus", n.vcpus());
            out.put("memory_mb", n.memoryMb());
            out.put("local_gb", n.localGb());
            out.put("vcpus_used", n.vcpusUsed());
            out.put("memory_mb_used", n.memoryMbUsed());
            out.put("local_gb_used", n.localGbUsed());
            out.put("free_ram_mb", n.freeRamMb());
            out.put("free_disk_gb", n.freeDiskGb());
            out.put("current_workload", workload);
            out.put("running_vms", n.runningVms());
            out.put("disk_available_least", n.freeDiskGb());
            if (cpuInfoObject) {
                out.set("cpu_info", cpuInfoObject(n.cpuInfo()));
            } else {
                out.put("cpu_info", n.cpuInfo() == null ? "" : n.cpuInfo());
            }
        }
        if (uptime) {
            out.put("uptime", uptimeLine);
        }
        servers(out, servers, withServers);
        return out;
    }

    private void servers(ObjectNode out, List<CellNodes.Server> servers, boolean withServers) {
        if (servers != null && !servers.isEmpty()) {
            ArrayNode list = out.putArray("servers");
            for (CellNodes.Server s : servers) {
                list.addObject().put("name", s.name()).put("uuid", s.uuid());
            }
        } else if (withServers && emptyServers) {
            out.putArray("servers");
        }
    }

    private String state(CellNodes.Located l) {
        return l.service().isUp(now, serviceDownTime) ? "up" : "down";
    }

    private static JsonNode cpuInfoObject(String text) {
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
}
