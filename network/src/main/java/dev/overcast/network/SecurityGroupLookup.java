package dev.overcast.network;

import java.util.List;

import org.jdbi.v3.core.Handle;

/**
 * What ports need of security groups, implemented by the security-group feature: which
 * groups a new or updated port gets, and which ports use a group.
 */
public interface SecurityGroupLookup {

    /**
     * The groups a port of {@code projectId} gets, checked to exist and to be the project's
     * (or visible to it): the requested ones, or the project's {@code default} group (created
     * on first use) when {@code requested} is null.
     *
     * @param handle    the port write's transaction, so a default group and the port commit together
     * @param requested the ids the client gave, null when it gave none
     * @throws dev.overcast.core.http.ApiException 404 {@code SecurityGroupNotFound} naming an unknown id
     */
    List<String> forPort(Handle handle, String projectId, List<String> requested);
}
