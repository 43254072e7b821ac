package dev.overcast.orchestration.engine;

import java.time.Clock;
import java.util.UUID;

import dev.overcast.orchestration.stacks.EventRow;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;

/** Records events for stack and resource transitions. */
public final class Events {
    static final String STACK_TYPE = "OS::Heat::Stack";
    private final StackStore store;
    private final Clock clock;

    public Events(StackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void stack(StackRow stack, String action, String status, String reason) {
        store.addEvent(new EventRow(0, UUID.randomUUID().toString(), stack.id(), stack.name(), stack.id(),
                STACK_TYPE, action, status, reason, clock.instant()));
    }

    public void resource(ResourceRow row) {
        store.addEvent(new EventRow(0, UUID.randomUUID().toString(), row.stackId(), row.name(), row.physicalId(),
                row.type(), row.action(), row.status(), row.statusReason(), clock.instant()));
    }
}
