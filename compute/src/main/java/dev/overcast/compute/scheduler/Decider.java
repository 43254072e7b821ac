package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The pure decision of Nova's filter scheduler: which of Placement's candidates gets the instance.
 *
 * <p>The steps are Nova's, in Nova's order. Candidates whose provider has no known host state drop out. A
 * requested destination narrows the hosts to its node(s) and the filters still run; forced hosts or nodes narrow
 * them too but skip the filters, as Nova does for an admin who forces a host. Each enabled filter then runs over
 * all remaining hosts before the next filter, so the explanation can say what each filter removed; filtering
 * stops once no host is left. The survivors are weighed: each weigher's raw values are normalised to 0..1 over the
 * survivors (all equal counts as 0), multiplied by the weigher's multiplier (or an aggregate's override) and
 * summed. The chosen host is drawn at random among the {@code host_subset_size} best, and the next best follow as
 * alternates, up to {@code max_attempts} hosts in all.
 *
 * <p>This runs thousands of times a second over up to a thousand candidates, so the per-host work allocates
 * nothing: filters are prepared once per request ({@link HostFilter#forRequest}), hosts are removed by compacting
 * arrays, weights live in one array, and only the few best hosts are ranked ({@link TopHosts}). A decider holds no
 * state between calls; one instance may serve many threads.
 */
public final class Decider {
    private final SchedulerSettings settings;
    private final HostFilter[] filters;
    private final HostWeigher[] weighers;

    /** A decider with the filters and weighers the settings enable. */
    public Decider(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.filters = Filters.enabled(settings).toArray(HostFilter[]::new);
        this.weighers = Weighers.enabled(settings).toArray(HostWeigher[]::new);
    }

    /** Decides once with settings made for this call; a long-lived {@link Decider} saves preparing them. */
    public static Decision decide(RequestSpec request, List<Candidate> candidates,
                                  Map<String, HostState> byProviderUuid, SchedulerSettings settings,
                                  RandomGenerator random) {
        return new Decider(settings).decide(request, candidates, byProviderUuid, random);
    }

    /**
     * Chooses among Placement's candidates.
     *
     * @param request        what is asked
     * @param candidates     Placement's allocation candidates, in Placement's order
     * @param byProviderUuid host states by compute node uuid
     * @param random         draws among the best {@code host_subset_size} hosts
     * @return the chosen host and alternates, or NoValidHost with what removed every candidate
     */
    public Decision decide(RequestSpec request, List<Candidate> candidates, Map<String, HostState> byProviderUuid,
                           RandomGenerator random) {
        if (candidates.isEmpty()) {
            return new NoValidHost(Explanation.noCandidates(Prefilters.resources(request)));
        }
        List<ReasonTally> steps = new ArrayList<>();
        ReasonTally unknown = new ReasonTally("Host lookup");
        steps.add(unknown);
        HostPool pool = HostPool.of(candidates, byProviderUuid, unknown);
        narrow(request, pool, steps);
        if (!request.forced()) {
            for (HostFilter filter : filters) {
                if (pool.size == 0) {
                    break;
                }
                HostCheck check = filter.forRequest(request);
                if (check != HostCheck.NOTHING_TO_CHECK) {
                    ReasonTally tally = new ReasonTally(filter.name());
                    steps.add(tally);
                    pool.removeRejected(check, tally);
                }
            }
        }
        if (pool.size == 0) {
            List<Explanation.Step> removed = new ArrayList<>();
            for (ReasonTally t : steps) {
                removed.add(t.toStep());
            }
            return new NoValidHost(new Explanation(candidates.size(), Prefilters.resources(request), removed,
                    List.of()));
        }
        return select(pool, weigh(request, pool), random);
    }

    /**
     * Ignored hosts, the requested destination, then forced hosts and nodes, as Nova's {@code get_filtered_hosts}
     * applies them.
     */
    private static void narrow(RequestSpec request, HostPool pool, List<ReasonTally> steps) {
        if (!request.ignoreHosts().isEmpty()) {
            FilterResult ignored = new FilterResult.Reject("the server's own host");
            narrow(pool, steps, "ignore_hosts", host -> request.ignoreHosts().contains(host.host()) ? ignored
                    : FilterResult.PASS);
        }
        RequestedDestination destination = request.requestedDestination();
        if (destination != null) {
            FilterResult elsewhere = new FilterResult.Reject("not " + destination.host()
                    + (destination.node() == null ? "" : " node " + destination.node()));
            narrow(pool, steps, "Requested destination",
                    host -> destination.matches(host) ? FilterResult.PASS : elsewhere);
        }
        if (!request.forceHosts().isEmpty()) {
            List<String> forced = request.forceHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            FilterResult notForced = new FilterResult.Reject("not a forced host");
            narrow(pool, steps, "force_hosts", host ->
                    forced.contains(host.host().toLowerCase(Locale.ROOT)) ? FilterResult.PASS : notForced);
        }
        if (!request.forceNodes().isEmpty()) {
            List<String> forced = request.forceNodes();
            FilterResult notForced = new FilterResult.Reject("not a forced node");
            narrow(pool, steps, "force_nodes", host -> forced.contains(host.node()) ? FilterResult.PASS : notForced);
        }
    }

    private static void narrow(HostPool pool, List<ReasonTally> steps, String step, HostCheck check) {
        ReasonTally tally = new ReasonTally(step);
        steps.add(tally);
        pool.removeRejected(check, tally);
    }

    /** The summed weight of each host in the pool, Nova's {@code get_weighed_objects}. */
    private double[] weigh(RequestSpec request, HostPool pool) {
        int n = pool.size;
        double[] total = new double[n];
        if (n <= 1) {
            return total;
        }
        Set<String> overridden = overriddenMultipliers(pool);
        double[] raw = new double[n];
        for (HostWeigher weigher : weighers) {
            boolean overrides = !overridden.isEmpty() && overridden.contains(weigher.multiplierOption());
            if (weigher.multiplier() == 0 && !overrides) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double w = weigher.weigh(pool.hosts[i], request);
                raw[i] = w;
                min = Math.min(min, w);
                max = Math.max(max, w);
            }
            if (max == min) {
                continue;
            }
            double range = max - min;
            double multiplier = weigher.multiplier();
            for (int i = 0; i < n; i++) {
                double m = overrides ? weigher.multiplierFor(pool.hosts[i]) : multiplier;
                total[i] += m * ((raw[i] - min) / range);
            }
        }
        return total;
    }

    /**
     * The multiplier options some aggregate in the pool overrides. Hosts share a few aggregates, so each aggregate
     * is read once (by identity) rather than once per host and weigher; usually none overrides anything and every
     * weigher then takes its configured multiplier without looking at aggregates again.
     */
    private static Set<String> overriddenMultipliers(HostPool pool) {
        Set<String> options = new HashSet<>();
        Set<Aggregate> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < pool.size; i++) {
            for (Aggregate a : pool.hosts[i].aggregates()) {
                if (seen.add(a)) {
                    for (String key : a.metadata().keySet()) {
                        if (key.endsWith("_weight_multiplier")) {
                            options.add(key);
                        }
                    }
                }
            }
        }
        return options;
    }

    private Selected select(HostPool pool, double[] weights, RandomGenerator random) {
        int wanted = Math.min(pool.size, settings.hostSubsetSize() + settings.maxAttempts() - 1);
        int[] best = TopHosts.best(weights, pool.size, wanted);
        int subset = Math.min(settings.hostSubsetSize(), best.length);
        int pick = subset > 1 ? random.nextInt(subset) : 0;
        List<WeighedHost> hosts = new ArrayList<>(settings.maxAttempts());
        hosts.add(weighed(pool, weights, best[pick]));
        for (int i = 0; i < best.length && hosts.size() < settings.maxAttempts(); i++) {
            if (i != pick) {
                hosts.add(weighed(pool, weights, best[i]));
            }
        }
        return new Selected(hosts);
    }

    private static WeighedHost weighed(HostPool pool, double[] weights, int i) {
        return new WeighedHost(pool.hosts[i], weights[i], pool.candidates[i].allocationRequest());
    }
}
