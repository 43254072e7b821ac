package dev.overcast.compute.services;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.placement.BusReportClient;

/**
 * {@code COMPUTE_STATUS_DISABLED} on a host's resource providers, put or taken at once when an
 * operator disables or enables its compute service (the agent's next report would too), so the
 * scheduler's pre-filter sees it.
 */
public final class StatusTrait {
    private static final Logger LOG = LoggerFactory.getLogger(StatusTrait.class);
    static final String DISABLED = "COMPUTE_STATUS_DISABLED";

    private final ComputeContext ctx;
    private final BusReportClient placement;

    public StatusTrait(ComputeContext ctx) {
        this.ctx = ctx;
        this.placement = new BusReportClient(ctx.bus(), ctx.settings().rpcTimeout());
    }

    /** The host's providers, for callers that act on them too. */
    public BusReportClient placement() {
        return placement;
    }

    public void report(CellMapping cell, String host, boolean disabled) {
        List<String> providers = new ComputeNodes(ctx.cells().db(cell), ctx.clock()).byHost(host).stream()
                .map(ComputeNode::uuid).toList();
        if (providers.isEmpty()) {
            return;
        }
        Set<String> trait = Set.of(DISABLED);
        try {
            placement.updateTraits(providers, disabled ? trait : Set.of(), disabled ? Set.of() : trait)
                    .stream().filter(r -> !r.ok())
                    .forEach(r -> LOG.warn("could not update the status trait of provider {}: {}", r.uuid(),
                            r.error()));
        } catch (RuntimeException e) {
            LOG.warn("could not update the status trait of {}'s providers; its agent will at its next report", host,
                    e);
        }
    }
}
