package dev.overcast.orchestration.resources;

import dev.overcast.orchestration.stacks.StackRow;

/**
 * What a resource hands out so that something outside the cloud (a server's boot script) can
 * signal it: the URL of its signal route and a token of its own stack user, as Heat's
 * TOKEN_SIGNAL transport does.
 */
public interface SignalCredentials {

    /** @return {@code <orchestration>/v1/<project>/stacks/<stack>/<id>/resources/<name>/signal} */
    String signalUrl(StackRow stack, String resourceName);

    /**
     * @param userId the stack user, which is also the resource's physical id (a stack user may
     *               signal only the resource it belongs to)
     * @return a token of {@code userId} in the stack's project with only the
     *         {@code heat_stack_user} role
     */
    String stackUserToken(StackRow stack, String userId);
}
