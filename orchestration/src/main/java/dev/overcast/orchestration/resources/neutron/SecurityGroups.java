package dev.overcast.orchestration.resources.neutron;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.orchestration.cloud.Lookups;
import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Security group names to ids as Heat's neutron plugin resolves them: an id as it is; a name
 * must match one group, and where an admin sees several of that name (every project has a
 * {@code default}), the one of the stack's project.
 */
final class SecurityGroups {
    private SecurityGroups() {
    }

    /**
     * @param projectId the stack's project, preferred among groups of one name; null for none
     * @return the ids of {@code namesOrIds} (a list)
     */
    static List<String> ids(ServiceClient network, Object namesOrIds, String projectId) {
        List<String> out = new ArrayList<>();
        if (namesOrIds instanceof List<?> list) {
            list.forEach(g -> out.add(id(network, String.valueOf(g), projectId)));
        }
        return out;
    }

    static String id(ServiceClient network, String nameOrId, String projectId) {
        String path = "/v2.0/security-groups";
        if (network.find(path + "/" + Lookups.encode(nameOrId)).isPresent()) {
            return nameOrId;
        }
        List<JsonNode> named = new ArrayList<>();
        network.get(path + "?" + ServiceClient.query("name", nameOrId)).path("security_groups").forEach(named::add);
        if (named.size() > 1 && projectId != null) {
            named.removeIf(g -> !projectId.equals(g.path("project_id").asString(g.path("tenant_id").asString())));
        }
        if (named.size() == 1) {
            return named.get(0).path("id").asString();
        }
        if (named.isEmpty()) {
            throw new ResourceFailure("NotFound", "Unable to find " + NeutronEntity.SECURITY_GROUP.entity()
                    + " with name or id '" + nameOrId + "'");
        }
        throw new ResourceFailure("PhysicalResourceNameAmbiguity", "Multiple physical resources were found with name ("
                + nameOrId + ").");
    }
}
