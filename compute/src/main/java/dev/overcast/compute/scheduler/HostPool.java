package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Map;

/**
 * The hosts still in the running for one decision, with their candidates, in Placement's order. Steps remove
 * hosts by compacting the arrays in place, so filtering allocates nothing per host.
 */
final class HostPool {
    final HostState[] hosts;
    final Candidate[] candidates;
    int size;

    private HostPool(int capacity) {
        hosts = new HostState[capacity];
        candidates = new Candidate[capacity];
    }

    /**
     * The pool for Placement's candidates: the first candidate of each root provider (Nova claims the first
     * allocation request of a host), and only providers with a known host state; the others are tallied.
     */
    static HostPool of(List<Candidate> offered, Map<String, HostState> byProviderUuid, ReasonTally unknown) {
        HostPool pool = new HostPool(offered.size());
        SeenProviders seen = new SeenProviders(offered.size());
        for (Candidate c : offered) {
            if (!seen.add(c.rootProviderUuid())) {
                continue;
            }
            HostState host = byProviderUuid.get(c.rootProviderUuid());
            if (host == null) {
                unknown.add("no compute node for the provider");
                continue;
            }
            pool.hosts[pool.size] = host;
            pool.candidates[pool.size] = c;
            pool.size++;
        }
        return pool;
    }

    /** Removes the hosts {@code check} rejects, counting each reason. */
    void removeRejected(HostCheck check, ReasonTally tally) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (check.check(hosts[i]) instanceof FilterResult.Reject(String reason)) {
                tally.add(reason);
            } else {
                hosts[kept] = hosts[i];
                candidates[kept] = candidates[i];
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            hosts[i] = null;
            candidates[i] = null;
        }
        size = kept;
    }
}
