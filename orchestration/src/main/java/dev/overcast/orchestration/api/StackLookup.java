package dev.overcast.orchestration.api;

import java.util.Optional;

import dev.overcast.core.http.Request;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;

/** Finds the stack a URL names, within the URL's project, as Heat's {@code identify_stack}. */
public final class StackLookup {
    private StackLookup() {
    }

    /** By id or name; a deleted stack is found by id only. */
    static Optional<StackRow> identify(StackStore store, String tenant, String identity) {
        Optional<StackRow> byId = store.find(identity).filter(s -> s.projectId().equals(tenant));
        return byId.isPresent() ? byId : store.findByName(tenant, identity);
    }

    /** {@code /stacks/{name}/{id}}: the stack of that id, which must carry that name. */
    public static StackRow require(Request request, StackStore store) {
        String tenant = request.param("tenant_id");
        String name = request.param("stack_name");
        String id = request.param("stack_id");
        return store.find(id).filter(s -> s.projectId().equals(tenant) && s.name().equals(name))
                .orElseThrow(() -> HeatError.notFound("Stack", name));
    }
}
