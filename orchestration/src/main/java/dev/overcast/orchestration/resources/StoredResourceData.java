package dev.overcast.orchestration.resources;

import java.util.Optional;

import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackStore;

/** {@link ResourceData} read from the orchestration database. */
public final class StoredResourceData implements ResourceData {
    private final StackStore store;
    private final ResourceTypes types;

    public StoredResourceData(StackStore store, ResourceTypes types) {
        this.store = store;
        this.types = types;
    }

    @Override
    public Optional<Found> byReference(String stackId, String referenceId) {
        for (ResourceRow row : store.resources(stackId)) {
            ResourceState state = ResourceState.of(row);
            Optional<ResourcePlugin> plugin = types.find(row.type());
            if (plugin.isPresent() && plugin.get().referenceId(state).equals(referenceId)) {
                return Optional.of(new Found(row.type(), state));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean deleting(String stackId) {
        return store.find(stackId).map(s -> s.deletedAt() != null || s.action().equals("DELETE")).orElse(true);
    }
}
