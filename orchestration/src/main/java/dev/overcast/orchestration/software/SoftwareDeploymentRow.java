package dev.overcast.orchestration.software;

import java.time.Instant;
import java.util.Map;

/**
 * A software deployment: a config deployed to a server, with the input values it was given and
 * what its agent reported.
 *
 * @param id                 its id
 * @param configId           the config deployed
 * @param serverId           the server it is deployed to (any string: Heat does not check it)
 * @param inputValues        the input values, or null
 * @param outputValues       the output values reported, or null
 * @param action             the stack action that deploys it, or null
 * @param status             IN_PROGRESS, COMPLETE, FAILED or whatever the agent set; may be null
 * @param statusReason       why, or null
 * @param projectId          the project that owns it
 * @param stackUserProjectId the project of the stack's server users, who may see it too; or null
 * @param createdAt          when it was made
 * @param updatedAt          when it last changed, or null
 */
public record SoftwareDeploymentRow(String id, String configId, String serverId, Map<String, Object> inputValues,
                                    Map<String, Object> outputValues, String action, String status,
                                    String statusReason, String projectId, String stackUserProjectId,
                                    Instant createdAt, Instant updatedAt) {

    /** Whether {@code project} may see it: its owner or its stack users' project. */
    public boolean visibleTo(String project) {
        return project.equals(projectId) || project.equals(stackUserProjectId);
    }
}
