package dev.overcast.network.l3;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who is calling and what they may see: admins see every project's resources, others their
 * project's. A resource the caller may not see is answered as missing (404), never 403.
 */
record Caller(NetworkContext ctx, AuthContext auth, boolean admin, boolean elevated) {

    static Caller of(NetworkContext ctx, Request request) {
        AuthContext auth = request.auth();
        return new Caller(ctx, auth, ctx.isAdmin(auth), false);
    }

    /**
     * The caller with Neutron's elevated context, for what the l3 feature does on a user's behalf
     * (auto-allocation builds a router and a network as the plugin, without API policy): it sees
     * everything and policy is not asked.
     */
    Caller elevate() {
        return new Caller(ctx, auth, true, true);
    }

    String projectId() {
        return auth.projectId();
    }

    boolean sees(String ownerProjectId) {
        return admin || (ownerProjectId != null && ownerProjectId.equals(auth.projectId()));
    }

    /** Whether the caller sees a network: its own, shared or external ones (every project may use those). */
    boolean seesNetwork(L3Ports.NetworkInfo network) {
        return network != null && (sees(network.projectId()) || network.shared() || network.external());
    }

    /** A subnet is visible with its network, except that external networks do not show their subnets' ports. */
    boolean seesSubnet(L3Ports.SubnetInfo subnet, L3Ports.NetworkInfo network) {
        return subnet != null && (sees(subnet.projectId()) || (network != null && network.shared()));
    }

    /** Enforces {@code rule} against a resource owned by {@code projectId}; 403 when policy says no. */
    void enforce(String rule, String projectId) {
        if (elevated) {
            return;
        }
        ctx.policy().enforce(rule, dev.overcast.core.policy.Credentials.of(auth), target(projectId));
    }

    static Map<String, Object> target(String projectId) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("project_id", projectId);
        target.put("tenant_id", projectId);
        return target;
    }

    /**
     * The owner a create names ({@code project_id} or {@code tenant_id}), or the caller's project;
     * naming another project needs admin, as Neutron's API layer checks.
     */
    String owner(ObjectNode body) {
        String project = text(body, "project_id");
        String tenant = text(body, "tenant_id");
        if (project != null && tenant != null && !project.equals(tenant)) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "'project_id' and 'tenant_id' do not match");
        }
        String owner = project != null ? project : tenant;
        if (owner == null) {
            if (auth.projectId() == null) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "Failed to parse request. Required attribute "
                        + "'project_id' not specified");
            }
            return auth.projectId();
        }
        if (!owner.equals(auth.projectId()) && !admin) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Specifying 'project_id' or 'tenant_id' other than the "
                    + "authenticated project in request requires admin privileges");
        }
        return owner;
    }

    private static String text(ObjectNode body, String name) {
        var v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || v.asString().isEmpty() || v.asString().length() > 255) {
            throw L3Errors.invalid(name, "'" + Attrs.text(v) + "' is not a valid string");
        }
        return v.asString();
    }
}
