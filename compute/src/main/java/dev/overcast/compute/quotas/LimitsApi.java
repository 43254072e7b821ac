package dev.overcast.compute.quotas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.quotas.Quotas.Detail;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /limits}: the caller's project's absolute limits and usage under Nova's names
 * (admins may ask for another project with {@code ?tenant_id=}); no rate limits. From 2.36 the
 * network limits are gone, from 2.39 {@code maxImageMeta}, from 2.57 the personality ones.
 */
final class LimitsApi {
    /** Nova's limit names for each resource. */
    private static final Map<String, List<String>> NAMES;
    /** Nova's usage names. */
    private static final Map<String, String> USED;

    static {
        Map<String, List<String>> n = new LinkedHashMap<>();
        n.put("ram", List.of("maxTotalRAMSize"));
        n.put("instances", List.of("maxTotalInstances"));
        n.put("cores", List.of("maxTotalCores"));
        n.put("key_pairs", List.of("maxTotalKeypairs"));
        n.put("floating_ips", List.of("maxTotalFloatingIps"));
        n.put("metadata_items", List.of("maxServerMeta", "maxImageMeta"));
        n.put("injected_files", List.of("maxPersonality"));
        n.put("injected_file_content_bytes", List.of("maxPersonalitySize"));
        n.put("security_groups", List.of("maxSecurityGroups"));
        n.put("security_group_rules", List.of("maxSecurityGroupRules"));
        n.put("server_groups", List.of("maxServerGroups"));
        n.put("server_group_members", List.of("maxServerGroupMembers"));
        NAMES = java.util.Collections.unmodifiableMap(n);
        Map<String, String> u = new LinkedHashMap<>();
        u.put("totalRAMUsed", "ram");
        u.put("totalCoresUsed", "cores");
        u.put("totalInstancesUsed", "instances");
        u.put("totalFloatingIpsUsed", "floating_ips");
        u.put("totalSecurityGroupsUsed", "security_groups");
        u.put("totalServerGroupsUsed", "server_groups");
        USED = java.util.Collections.unmodifiableMap(u);
    }

    private final ComputeContext ctx;
    private final Quotas quotas;

    LimitsApi(ComputeContext ctx, Quotas quotas) {
        this.ctx = ctx;
        this.quotas = quotas;
    }

    void routes(Routes r) {
        r.get("/v2.1/limits", this::index);
    }

    private Response index(Request req) {
        QuotaViews.strictQuery(req, Set.of("tenant_id"));
        ctx.enforce(req, QuotaPolicy.LIMITS, Map.of());
        String projectId = req.auth().projectId();
        if (req.queryParams().containsKey("tenant_id")) {
            projectId = req.query("tenant_id").orElse("");
            ctx.enforce(req, QuotaPolicy.LIMITS_OTHER_PROJECT);
        }
        List<String> hidden = new java.util.ArrayList<>();
        if (req.versionAtLeast(2, 36)) {
            hidden.addAll(List.of("floating_ips", "security_groups", "security_group_rules"));
        }
        if (req.versionAtLeast(2, 57)) {
            hidden.addAll(List.of("injected_files", "injected_file_content_bytes"));
        }
        boolean imageMeta = !req.versionAtLeast(2, 39);
        Map<String, Detail> details = quotas.projectDetail(projectId);
        ObjectNode out = Json.object();
        ObjectNode limits = out.putObject("limits");
        limits.putArray("rate");
        ObjectNode absolute = limits.putObject("absolute");
        NAMES.forEach((resource, names) -> {
            if (hidden.contains(resource)) {
                return;
            }
            for (String name : names) {
                if (imageMeta || !name.equals("maxImageMeta")) {
                    absolute.put(name, details.get(resource).limit());
                }
            }
        });
        USED.forEach((name, resource) -> {
            if (!hidden.contains(resource)) {
                absolute.put(name, details.get(resource).inUse());
            }
        });
        return Response.ok(out);
    }
}
