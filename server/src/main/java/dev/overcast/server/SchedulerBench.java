package dev.overcast.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.placement.BusPlacementClient;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.scheduler.Candidate;
import dev.overcast.compute.scheduler.Capacity;
import dev.overcast.compute.scheduler.Flavor;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.HostStates;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.PlacementQuery;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.ScheduleResult;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.SchedulerSettings;
import dev.overcast.compute.scheduler.SupportedInstance;
import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.Subscription;
import dev.overcast.core.config.ConfigLoader;
import dev.overcast.core.db.DatabaseSettings;
import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.core.policy.Policy;
import dev.overcast.placement.PlacementPolicy;
import dev.overcast.placement.PlacementService;

/**
 * {@code overcast bench scheduler}: the Compute scheduler placing servers on simulated hosts,
 * through the real Placement code and database (embedded H2 files, as the all-in-one runs)
 * and the in-process bus. For each host count it registers the hosts as resource providers,
 * then schedules {@code --requests} m1.small servers from {@code --concurrency} threads with
 * the default filters and weighers, every decision ending in a Placement claim, and prints
 * placements per second, p50/p99 time per decision and the peak heap.
 *
 * <p>Each run first makes {@code --warmup} decisions on its hosts, unmeasured: the figures are
 * those of a scheduler that has been running a while, as one in service has. With 4,000
 * the JIT had not finished and a run gave a fifth fewer placements per second; 40,000 gave
 * no more than 20,000.
 *
 * <p>By default {@value #DEFAULT_CONCURRENCY} decisions are in flight at once, as during a burst
 * of boots: the scheduler serves each request on a thread of its own as it arrives, and Nova's
 * serves up to 64 at once per worker ({@code executor_thread_pool_size}). Time per decision
 * then includes waiting for the two cores and for the claim's batch.
 */
final class SchedulerBench {
    static final int DEFAULT_CONCURRENCY = 32;
    private static final Flavor SMALL = Flavor.of("m1.small", 1, 2048, 20);

    private final List<Integer> hostCounts;
    private final int requests;
    private final int warmup;
    private final int concurrency;
    private final SchedulerSettings settings;
    private final boolean randomize;

    /**
     * @param maxPlacementResults the scheduler's {@code max_placement_results}, null for its default (Nova's 1000)
     * @param randomize           Placement's {@code randomize_allocation_candidates}
     */
    SchedulerBench(List<Integer> hostCounts, int requests, int warmup, int concurrency, Integer maxPlacementResults,
                   boolean randomize) {
        this.hostCounts = hostCounts;
        this.requests = requests;
        this.warmup = warmup;
        this.concurrency = concurrency;
        this.settings = maxPlacementResults == null ? SchedulerSettings.defaults()
                : SchedulerSettings.builder().maxPlacementResults(maxPlacementResults).build();
        this.randomize = randomize;
    }

    int run() throws Exception {
        System.out.printf("Overcast scheduler benchmark: %d requests per run after %d to warm up, %d concurrent, %d cores,"
                        + " max heap %d MiB, default filters and weighers, max_placement_results %d,"
                        + " randomize_allocation_candidates %s%n",
                requests, warmup, concurrency, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, settings.maxPlacementResults(), randomize);
        System.out.printf("  %8s %14s %10s %10s %12s %14s %12s%n", "hosts", "placements/s", "p50 ms", "p99 ms",
                "peak heap", "setup s", "CPU ms each");
        for (int hosts : hostCounts) {
            runOne(hosts);
        }
        return 0;
    }

    private void runOne(int hosts) throws Exception {
        Path dir = Files.createTempDirectory("overcast-bench-scheduler");
        // The database the all-in-one uses: embedded H2 files under the data dir.
        DatabaseSettings db = Overcast.databaseSettings(ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                Map.of("data_dir", dir.toString())));
        long setupStart = System.nanoTime();
        try (ServiceDatabase placementDb = ServiceDatabase.open(db, "placement");
             InProcessBus bus = new InProcessBus(Clock.systemUTC())) {
            SimulatedHosts states = register(placementDb.jdbi(), hosts);
            PlacementService placement = new PlacementService(placementDb.jdbi(),
                    Policy.of(PlacementPolicy.defaults()), Clock.systemUTC(), randomize);
            try (Subscription rpc = placement.serveRpc(bus, "bench")) {
                TimedPlacement placementClient = new TimedPlacement(new BusPlacementClient(bus, Duration.ofSeconds(30)));
                Scheduler scheduler = new Scheduler(placementClient, states, settings, new SplittableRandom(7));
                double setup = (System.nanoTime() - setupStart) / 1e9;
                // Warm up the JIT, then measure on fresh instances.
                schedule(scheduler, states, warmup, false);
                System.gc();
                HeapPeak heap = HeapPeak.start();
                placementClient.reset();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long[] nanos = schedule(scheduler, states, requests, true);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / requests;
                long peak = heap.stop();
                Arrays.sort(nanos);
                System.out.printf("  %8d %14.0f %10.2f %10.2f %9d MiB %14.1f %12.2f%n", hosts, requests / seconds,
                        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, peak >> 20, setup,
                        cpuMs);
                long total = Arrays.stream(nanos).sum();
                System.out.printf("  %8s where a decision's time goes: candidates %.0f%% (%.2f ms), claim %.0f%% (%.2f ms),"
                                + " filters and weighers %.0f%%%n", "", 100.0 * placementClient.candidateNanos.get() / total,
                        placementClient.candidateNanos.get() / 1e6 / requests, 100.0 * placementClient.claimNanos.get() / total,
                        placementClient.claimNanos.get() / 1e6 / requests,
                        100.0 * (total - placementClient.candidateNanos.get() - placementClient.claimNanos.get()) / total);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * CPU time this process has used, all threads (garbage collection included): on a machine
     * shared with other work, CPU per placement varies less than placements per second.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Schedules {@code n} servers; returns each decision's time in nanoseconds. */
    private long[] schedule(Scheduler scheduler, SimulatedHosts states, int n, boolean strict) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        String instance = UUID.randomUUID().toString();
                        long t0 = System.nanoTime();
                        ScheduleResult result = scheduler.select(RequestSpec.of(SMALL, "bench-project", instance),
                                List.of(instance));
                        nanos[i] = System.nanoTime() - t0;
                        if (result instanceof Scheduled scheduled) {
                            states.consume(scheduled.instances().getFirst().host().host().uuid(), instance);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        if (strict && failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + n + " requests found no valid host");
        }
        return nanos;
    }

    /**
     * Registers {@code n} compute nodes as resource providers (64 vCPUs at 4.0, 256 GiB, 2 TB)
     * in batches of SQL, which is set-up rather than what is measured; the index then loads
     * them as it does at start.
     */
    private static SimulatedHosts register(Jdbi jdbi, int n) {
        Map<String, HostState> states = new ConcurrentHashMap<>();
        Instant now = Instant.now();
        jdbi.useTransaction(h -> {
            var providers = h.prepareBatch("insert into resource_provider (uuid, name, generation, parent_uuid, "
                    + "root_uuid, created_at, updated_at) values (:uuid, :name, 1, null, :uuid, :now, :now)");
            var inventories = h.prepareBatch("insert into inventory (provider_uuid, resource_class, total, reserved, "
                    + "min_unit, max_unit, step_size, allocation_ratio) values (:uuid, :rc, :total, 0, 1, :total, 1, :ratio)");
            for (int i = 0; i < n; i++) {
                String uuid = UUID.randomUUID().toString();
                String name = "compute-%05d".formatted(i);
                providers.bind("uuid", uuid).bind("name", name).bind("now", now).add();
                inventories.bind("uuid", uuid).bind("rc", "VCPU").bind("total", 64).bind("ratio", 4.0).add();
                inventories.bind("uuid", uuid).bind("rc", "MEMORY_MB").bind("total", 262_144).bind("ratio", 1.0).add();
                inventories.bind("uuid", uuid).bind("rc", "DISK_GB").bind("total", 2_000).bind("ratio", 1.0).add();
                states.put(uuid, new HostState(name, name, uuid, new Capacity(64, 0, 4.0), new Capacity(262_144, 0, 1.0),
                        new Capacity(2_000, 0, 1.0), 0, null, null, "QEMU", 8_002_000, "x86_64",
                        List.of(new SupportedInstance("x86_64", "qemu", "hvm")), Map.of(), List.of(), 0));
                if (i % 5_000 == 4_999) {
                    providers.execute();
                    inventories.execute();
                }
            }
            if (providers.size() > 0) {
                providers.execute();
                inventories.execute();
            }
        });
        return new SimulatedHosts(states);
    }

    /** The scheduler's host states for the simulated nodes, updated as instances land (Nova's host manager). */
    private record SimulatedHosts(Map<String, HostState> byUuid) implements HostStates {
        @Override
        public Map<String, HostState> byProviderUuid(Collection<String> providerUuids) {
            Map<String, HostState> out = HashMap.newHashMap(providerUuids.size());
            for (String uuid : providerUuids) {
                HostState s = byUuid.get(uuid);
                if (s != null) {
                    out.put(uuid, s);
                }
            }
            return out;
        }

        @Override
        public Map<String, HostState> forDecision(Collection<String> providerUuids) {
            return java.util.Collections.unmodifiableMap(byUuid);
        }

        @Override
        public List<HostState> nodesOf(String host) {
            return byUuid.values().stream().filter(s -> s.host().equals(host)).toList();
        }

        @Override
        public List<Aggregate> aggregates() {
            return List.of();
        }

        /** The instance landed and, the driver being simulated, finished building: no I/O operation stays. */
        void consume(String uuid, String instance) {
            byUuid.computeIfPresent(uuid, (k, s) -> {
                HostState c = s.consume(SMALL.vcpus(), SMALL.memoryMb(), SMALL.diskGb(), instance);
                return new HostState(c.host(), c.node(), c.uuid(), c.vcpus(), c.ramMb(), c.diskGb(), s.numIoOps(),
                        c.instanceUuids(), c.service(), c.hypervisorType(), c.hypervisorVersion(), c.cpuArch(),
                        c.supportedInstances(), c.capabilities(), c.aggregates(), c.failedBuilds());
            });
        }
    }

    /** Placement as the scheduler sees it, timing the two calls a decision makes. */
    private static final class TimedPlacement implements PlacementClient {
        private final PlacementClient delegate;
        final AtomicLong candidateNanos = new AtomicLong();
        final AtomicLong claimNanos = new AtomicLong();

        TimedPlacement(PlacementClient delegate) {
            this.delegate = delegate;
        }

        void reset() {
            candidateNanos.set(0);
            claimNanos.set(0);
        }

        @Override
        public List<Candidate> candidates(PlacementQuery query) {
            long t0 = System.nanoTime();
            try {
                return delegate.candidates(query);
            } finally {
                candidateNanos.addAndGet(System.nanoTime() - t0);
            }
        }

        @Override
        public boolean claim(String consumer, String project, String user, Map<String, Map<String, Long>> allocations) {
            long t0 = System.nanoTime();
            try {
                return delegate.claim(consumer, project, user, allocations);
            } finally {
                claimNanos.addAndGet(System.nanoTime() - t0);
            }
        }

        @Override
        public void release(String consumer) {
            delegate.release(consumer);
        }

        @Override
        public boolean move(String from, String to, String consumerType, boolean replaceTarget) {
            return delegate.move(from, to, consumerType, replaceTarget);
        }
    }
}
