package dev.overcast.compute.servers;

import java.time.Duration;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.instances.Instance;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a server tells about itself beside its details: its addresses ({@code /ips}), the password
 * a guest agent left ({@code /os-server-password}) and hypervisor diagnostics.
 */
final class ServerInfoApi {
    private final ComputeContext ctx;
    private final ServerLookup lookup;

    ServerInfoApi(ComputeContext ctx, ServerLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/ips", req -> {
            ServerRecord s = server(req, ServerPolicy.IPS);
            return Response.ok(Map.of("addresses", s.network().addresses(false)));
        });
        r.get("/v2.1/servers/{id}/ips/{network}", req -> {
            ServerRecord s = server(req, ServerPolicy.IPS_SHOW);
            var addresses = s.network().addressesOn(req.param("network"));
            if (addresses == null) {
                throw ApiException.notFound("Instance is not a member of specified network");
            }
            return Response.ok(Map.of(req.param("network"), addresses));
        });
        // Simulated guests run no agent that could leave an encrypted password.
        r.get("/v2.1/servers/{id}/os-server-password", req -> {
            server(req, ServerPolicy.PASSWORD_SHOW);
            return Response.ok(Map.of("password", ""));
        });
        r.delete("/v2.1/servers/{id}/os-server-password", req -> {
            server(req, ServerPolicy.PASSWORD_CLEAR);
            return Response.noContent();
        });
        r.get("/v2.1/servers/{id}/diagnostics", this::diagnostics);
    }

    private ServerRecord server(Request req, String rule) {
        ServerRecord s = lookup.require(req, req.param("id"));
        ctx.enforce(req, rule, Map.of("project_id", s.instance().projectId()));
        return s;
    }

    /**
     * Diagnostics from what Compute knows of the instance: its size, state and uptime. The
     * simulated hypervisor keeps no counters, so counters are null, which 2.48 allows.
     */
    private Response diagnostics(Request req) {
        Instance i = server(req, ServerPolicy.DIAGNOSTICS).instance();
        if (i.host() == null) {
            throw new ApiException(409, "Cannot 'get_diagnostics' instance " + i.uuid() + " while it is in vm_state "
                    + i.state().vm().value());
        }
        long uptime = i.launchedAt() == null ? 0 : Duration.between(i.launchedAt(), ctx.clock().instant()).toSeconds();
        ObjectNode d = Json.object();
        if (!req.versionAtLeast(2, 48)) {
            d.put("memory", (long) i.flavor().memoryMb() << 10);
            d.put("uptime", uptime);
            for (int cpu = 0; cpu < i.flavor().vcpus(); cpu++) {
                d.putNull("cpu" + cpu + "_time");
            }
            return Response.ok(d);
        }
        d.put("state", i.state().power().name().toLowerCase(java.util.Locale.ROOT));
        // Nova's fake driver names itself libvirt here, the only values 2.48 allows being real drivers.
        d.put("driver", "libvirt");
        d.put("hypervisor", "kvm");
        d.put("hypervisor_os", "fake-os");
        d.put("uptime", uptime);
        d.put("config_drive", false);
        d.put("num_cpus", i.flavor().vcpus());
        d.put("num_nics", 0);
        d.put("num_disks", 1);
        d.putObject("memory_details").put("maximum", i.flavor().memoryMb()).putNull("used");
        ArrayNode cpus = d.putArray("cpu_details");
        for (int cpu = 0; cpu < i.flavor().vcpus(); cpu++) {
            cpus.addObject().put("id", cpu).putNull("time").putNull("utilisation");
        }
        d.putArray("nic_details");
        d.putArray("disk_details").addObject().putNull("read_bytes").putNull("read_requests")
                .putNull("write_bytes").putNull("write_requests").putNull("errors_count");
        return Response.ok(d);
    }
}
