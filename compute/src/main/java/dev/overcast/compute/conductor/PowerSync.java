package dev.overcast.compute.conductor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.PowerState;
import dev.overcast.compute.instances.VmState;

/**
 * Nova's power-state sync: what each host says of its instances is compared with what the cell
 * says. An ACTIVE server whose guest stopped (or that its host no longer runs) is stopped, as
 * Nova calls its stop API. Instances with a task are left to the task.
 */
final class PowerSync {
    private static final Logger LOG = LoggerFactory.getLogger(PowerSync.class);

    private final ComputeContext ctx;
    private final ComputeHosts hosts;
    private final InstanceNotifier notifier;

    PowerSync(ComputeContext ctx, ComputeHosts hosts, InstanceNotifier notifier) {
        this.ctx = ctx;
        this.hosts = hosts;
        this.notifier = notifier;
    }

    /** @return how many instances were found stopped */
    int run() {
        int stopped = 0;
        for (CellMapping cell : ctx.cells().buildable()) {
            InstanceStore store = new InstanceStore(ctx.cells().db(cell));
            Map<String, List<Instance>> byHost = new java.util.HashMap<>();
            for (Instance i : store.list(null, false, false, null, null, null)) {
                if (i.host() != null && i.state().task() == null && i.state().vm() == VmState.ACTIVE) {
                    byHost.computeIfAbsent(i.host(), h -> new java.util.ArrayList<>()).add(i);
                }
            }
            for (var e : byHost.entrySet()) {
                stopped += sync(store, e.getKey(), e.getValue());
            }
        }
        return stopped;
    }

    private int sync(InstanceStore store, String host, List<Instance> active) {
        if (!hosts.isUp(host)) {
            return 0;
        }
        Map<String, PowerState> seen;
        try {
            seen = hosts.powerStates(host);
        } catch (ComputeHosts.HostUnreachable e) {
            return 0;
        }
        int stopped = 0;
        for (Instance i : active) {
            PowerState actual = seen.getOrDefault(i.uuid(), PowerState.NOSTATE);
            if (actual == PowerState.RUNNING) {
                continue;
            }
            Instant now = ctx.clock().instant();
            Instance after = i.withState(Lifecycle.apply(i.state(), Lifecycle.Event.STOPPED_OUTSIDE, "stop",
                    i.uuid()));
            if (store.transition(i.state(), after, now)) {
                LOG.info("instance {} on {} is {} on its host; it is now stopped", i.uuid(), host, actual);
                notifier.info("instance.power_off.end", after);
                stopped++;
            }
        }
        return stopped;
    }
}
