package dev.overcast.compute.virt.fake;

import dev.overcast.compute.instances.PowerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceNotFoundException;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.compute.virt.NodeResources;
import dev.overcast.compute.virt.SpawnFailedException;
import dev.overcast.compute.virt.VirtDriver;

/**
 * Simulated hypervisors: as many hosts as a test or a scale run wants, each with one node or
 * more, each node with a CPU, RAM and disk capacity. Instances are records in memory with a
 * power state and a console log; nothing runs. A spawn can be slowed down (a fixed latency)
 * and made to fail (a seeded failure rate, or "fail the next N"), so that the rest of Compute
 * can be tested against the slow and unreliable hypervisors it will meet.
 *
 * <p>It is cheap on purpose, so that one agent simulates a thousand hosts in one JVM: a spawn
 * with no latency is a few map operations, there is no thread per host, and the console log
 * of an instance is a short list of lines.
 *
 * <p>A node runs out of room as a real one would: an instance that does not fit the node's
 * RAM or disk fails to spawn (retryable elsewhere). vCPUs are not checked, since they are
 * overcommitted.
 */
public final class FakeDriver implements VirtDriver {
    /** Nova's fake driver's hypervisor type and version. */
    public static final String HYPERVISOR_TYPE = "fake";
    public static final long HYPERVISOR_VERSION = 1000;

    /** What every fake node can do, as traits Placement learns. */
    public static final Set<String> TRAITS = Set.of("COMPUTE_NODE", "COMPUTE_NET_ATTACH_INTERFACE",
            "COMPUTE_NET_ATTACH_INTERFACE_WITH_TAG", "COMPUTE_DEVICE_TAGGING", "COMPUTE_VOLUME_ATTACH_WITH_TAG",
            "COMPUTE_VOLUME_EXTEND", "COMPUTE_VOLUME_MULTI_ATTACH", "COMPUTE_TRUSTED_CERTS",
            "COMPUTE_IMAGE_TYPE_AKI", "COMPUTE_IMAGE_TYPE_AMI", "COMPUTE_IMAGE_TYPE_ARI", "COMPUTE_IMAGE_TYPE_ISO",
            "COMPUTE_IMAGE_TYPE_QCOW2", "COMPUTE_IMAGE_TYPE_RAW", "COMPUTE_ARCH_X86_64");

    /**
     * A node's size.
     *
     * @param vcpus    physical CPUs
     * @param memoryMb RAM in MiB
     * @param diskGb   local disk in GiB
     */
    public record Capacity(int vcpus, int memoryMb, int diskGb) {
        public Capacity {
            if (vcpus < 1 || memoryMb < 1 || diskGb < 1) {
                throw new IllegalArgumentException("a fake node needs at least 1 vCPU, 1 MiB and 1 GiB, got "
                        + vcpus + ", " + memoryMb + ", " + diskGb);
            }
        }
    }

    private final List<String> hosts;
    private final Map<String, List<Node>> nodesByHost;
    private final Map<String, Node> nodesByName;
    private final Map<String, FakeInstance> instances = new ConcurrentHashMap<>();
    private final Duration spawnLatency;
    private final double failureRate;
    private final RandomGenerator random;
    private final Clock clock;
    private final Instant bootedAt;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean failNextRetryable = true;

    private FakeDriver(Builder b) {
        this.spawnLatency = b.spawnLatency;
        this.failureRate = b.failureRate;
        this.random = b.random;
        this.clock = b.clock;
        this.bootedAt = clock.instant();
        Map<String, List<Node>> byHost = new LinkedHashMap<>();
        Map<String, Node> byName = new HashMap<>();
        for (int h = 0; h < b.hosts.size(); h++) {
            String host = b.hosts.get(h);
            List<Node> nodes = new ArrayList<>(b.nodesPerHost);
            for (int n = 1; n <= b.nodesPerHost; n++) {
                String name = b.nodesPerHost == 1 ? host : host + "-node" + n;
                Node node = new Node(host, name, b.capacities.getOrDefault(name, b.capacity), hostIp(h));
                if (byName.put(name, node) != null) {
                    throw new IllegalArgumentException("two fake nodes are named " + name);
                }
                nodes.add(node);
            }
            if (byHost.put(host, List.copyOf(nodes)) != null) {
                throw new IllegalArgumentException("fake host " + host + " is listed twice");
            }
        }
        this.hosts = List.copyOf(byHost.keySet());
        this.nodesByHost = Collections.unmodifiableMap(byHost);
        this.nodesByName = Map.copyOf(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Makes the next {@code n} spawns fail, retryable on another host. */
    public void failNextSpawns(int n) {
        failNextSpawns(n, true);
    }

    /** Makes the next {@code n} spawns fail; {@code retryable} says whether another host may be tried. */
    public void failNextSpawns(int n, boolean retryable) {
        failNextRetryable = retryable;
        failNext.set(n);
    }

    @Override
    public List<String> hosts() {
        return hosts;
    }

    @Override
    public List<NodeResources> nodes(String host) {
        List<Node> nodes = nodesByHost.getOrDefault(host, List.of());
        List<NodeResources> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(n.resources());
        }
        return out;
    }

    @Override
    public PowerState spawn(String host, String nodeName, InstanceSpec spec) {
        Node node = node(host, nodeName);
        FakeInstance existing = instances.get(spec.uuid());
        if (existing != null) {
            return alreadySpawned(existing, host);
        }
        if (spawnLatency.isPositive()) {
            sleep(spawnLatency);
        }
        injectedFailure(node);
        FakeInstance instance = new FakeInstance(spec.uuid(), spec.name(), host, node.name, spec.flavor(),
                clock.instant());
        synchronized (node) {
            existing = instances.get(spec.uuid());
            if (existing != null) {
                return alreadySpawned(existing, host);
            }
            node.require(spec);
            node.add(spec.flavor());
            instances.put(spec.uuid(), instance);
        }
        instance.boot(spec);
        return instance.powerState;
    }

    private static PowerState alreadySpawned(FakeInstance existing, String host) {
        if (!existing.host.equals(host)) {
            throw new SpawnFailedException("Instance " + existing.uuid + " already exists on host " + existing.host
                    + ".", false);
        }
        return existing.powerState;
    }

    private Node node(String host, String nodeName) {
        List<Node> nodes = nodesByHost.get(host);
        if (nodes == null) {
            throw new SpawnFailedException("Compute host " + host + " could not be found.", true);
        }
        if (nodeName == null) {
            return nodes.getFirst();
        }
        Node node = nodesByName.get(nodeName);
        if (node == null || !node.host.equals(host)) {
            throw new SpawnFailedException("Compute host " + host + " has no node " + nodeName + ".", true);
        }
        return node;
    }

    private void injectedFailure(Node node) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SpawnFailedException("Simulated failure to spawn on " + node.name + ".", failNextRetryable);
        }
        if (failureRate > 0) {
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < failureRate) {
                throw new SpawnFailedException("Simulated random failure to spawn on " + node.name + ".", true);
            }
        }
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnFailedException("The spawn was interrupted.", true);
        }
    }

    @Override
    public void destroy(String host, String uuid) {
        FakeInstance instance = instances.get(uuid);
        if (instance == null || !instance.host.equals(host)) {
            return;
        }
        Node node = nodesByName.get(instance.node);
        synchronized (node) {
            if (instances.remove(uuid, instance)) {
                node.remove(instance.flavor);
            }
        }
    }

    @Override
    public PowerState powerOff(String host, String uuid) {
        return instance(host, uuid).powerOff();
    }

    @Override
    public void adopt(String host, String nodeName, InstanceSpec spec, PowerState state) {
        Node node = node(host, nodeName);
        synchronized (node) {
            if (instances.containsKey(spec.uuid())) {
                return;
            }
            node.add(spec.flavor());
            FakeInstance instance = new FakeInstance(spec.uuid(), spec.name(), host, node.name, spec.flavor(),
                    clock.instant());
            instances.put(spec.uuid(), instance);
            instance.resumeAs(state, spec);
        }
    }

    /** The guest shuts itself down, as a user inside it could: the hypervisor sees it stopped. */
    public void shutdownFromInside(String uuid) {
        FakeInstance instance = instances.get(uuid);
        if (instance != null) {
            instance.powerOff();
        }
    }

    @Override
    public PowerState pause(String host, String uuid) {
        return instance(host, uuid).pause();
    }

    @Override
    public PowerState unpause(String host, String uuid) {
        return instance(host, uuid).unpause();
    }

    @Override
    public PowerState suspend(String host, String uuid) {
        return instance(host, uuid).suspend();
    }

    @Override
    public PowerState resume(String host, String uuid) {
        return instance(host, uuid).resume();
    }

    @Override
    public PowerState rescue(String host, String uuid) {
        return instance(host, uuid).rescue();
    }

    @Override
    public PowerState unrescue(String host, String uuid) {
        return instance(host, uuid).unrescue();
    }

    @Override
    public PowerState powerOn(String host, String uuid) {
        return instance(host, uuid).powerOn();
    }

    @Override
    public PowerState reboot(String host, String uuid, boolean hard) {
        return instance(host, uuid).reboot(hard);
    }

    @Override
    public String consoleOutput(String host, String uuid) {
        return instance(host, uuid).console();
    }

    @Override
    public List<InstanceInfo> instances(String host) {
        List<InstanceInfo> out = new ArrayList<>();
        for (FakeInstance i : instances.values()) {
            if (i.host.equals(host)) {
                out.add(i.info());
            }
        }
        return out;
    }

    @Override
    public String uptime(String host) {
        if (!nodesByHost.containsKey(host)) {
            throw new IllegalArgumentException("no fake host " + host);
        }
        Instant now = clock.instant();
        Duration up = Duration.between(bootedAt, now);
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        return String.format(" %02d:%02d:%02d up %d days, %2d:%02d,  1 user,  load average: 0.00, 0.00, 0.00",
                time.getHour(), time.getMinute(), time.getSecond(), up.toDays(), up.toHoursPart(), up.toMinutesPart());
    }

    private FakeInstance instance(String host, String uuid) {
        FakeInstance i = instances.get(uuid);
        if (i == null || !i.host.equals(host)) {
            throw new InstanceNotFoundException(uuid);
        }
        return i;
    }

    /** A made-up address per host, distinct for the first 16 million. */
    private static String hostIp(int index) {
        int n = index + 1;
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    /** One simulated node: its size and what its instances take, guarded by the node's monitor. */
    private static final class Node {
        final String host;
        final String name;
        final Capacity capacity;
        final String hostIp;
        final String cpuInfo;
        int vcpusUsed;
        int memoryMbUsed;
        int diskGbUsed;
        int instances;

        Node(String host, String name, Capacity capacity, String hostIp) {
            this.host = host;
            this.name = name;
            this.capacity = capacity;
            this.hostIp = hostIp;
            this.cpuInfo = "{\"arch\": \"x86_64\", \"model\": \"Nehalem\", \"vendor\": \"Intel\", \"topology\": "
                    + "{\"cells\": 1, \"sockets\": 1, \"cores\": " + capacity.vcpus() + ", \"threads\": 1}, "
                    + "\"features\": [\"pge\", \"clflush\", \"sse\", \"sse2\", \"vmx\"]}";
        }

        /** Fails the spawn, retryable elsewhere, when the instance does not fit what is left. */
        void require(InstanceSpec spec) {
            InstanceFlavor f = spec.flavor();
            if (memoryMbUsed + f.memoryMb() > capacity.memoryMb()) {
                throw new SpawnFailedException("Insufficient compute resources: Free memory "
                        + (capacity.memoryMb() - memoryMbUsed) + " MB < requested " + f.memoryMb() + " MB on "
                        + name + ".", true);
            }
            if (diskGbUsed + f.diskGb() > capacity.diskGb()) {
                throw new SpawnFailedException("Insufficient compute resources: Free disk "
                        + (capacity.diskGb() - diskGbUsed) + " GB < requested " + f.diskGb() + " GB on " + name
                        + ".", true);
            }
        }

        void add(InstanceFlavor f) {
            vcpusUsed += f.vcpus();
            memoryMbUsed += f.memoryMb();
            diskGbUsed += f.diskGb();
            instances++;
        }

        void remove(InstanceFlavor f) {
            vcpusUsed -= f.vcpus();
            memoryMbUsed -= f.memoryMb();
            diskGbUsed -= f.diskGb();
            instances--;
        }

        synchronized NodeResources resources() {
            return new NodeResources(host, name, capacity.vcpus(), capacity.memoryMb(), capacity.diskGb(), vcpusUsed,
                    memoryMbUsed, diskGbUsed, instances, HYPERVISOR_TYPE, HYPERVISOR_VERSION, cpuInfo, hostIp, TRAITS);
        }
    }

    /** Builds a fake driver; every option has a default. */
    public static final class Builder {
        private List<String> hosts = List.of("fake-host");
        private int nodesPerHost = 1;
        private Capacity capacity = new Capacity(16, 32768, 1024);
        private final Map<String, Capacity> capacities = new HashMap<>();
        private Duration spawnLatency = Duration.ZERO;
        private double failureRate;
        private RandomGenerator random = new Random(0);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The hosts to simulate, by name; default one, {@code fake-host}. */
        public Builder hosts(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a fake driver needs at least one host");
            }
            this.hosts = List.copyOf(names);
            return this;
        }

        /** {@code count} hosts named {@code prefix1} to {@code prefixN}. */
        public Builder hosts(String prefix, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a fake driver needs at least one host, not " + count);
            }
            List<String> names = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                names.add(prefix + i);
            }
            return hosts(names);
        }

        /**
         * Nodes per host; default 1. A host's only node is named as the host; with more, they
         * are {@code <host>-node1}, {@code <host>-node2}, ...
         */
        public Builder nodesPerHost(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a fake host needs at least one node, not " + n);
            }
            this.nodesPerHost = n;
            return this;
        }

        /** Every node's size unless set per node; default 16 vCPUs, 32 GiB RAM, 1 TiB disk. */
        public Builder capacity(int vcpus, int memoryMb, int diskGb) {
            this.capacity = new Capacity(vcpus, memoryMb, diskGb);
            return this;
        }

        /** One node's size, by its name. */
        public Builder capacity(String node, Capacity nodeCapacity) {
            capacities.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(nodeCapacity, "capacity"));
            return this;
        }

        /** How long a spawn takes; default zero, which never sleeps. */
        public Builder spawnLatency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("spawn latency must not be negative: " + latency);
            }
            this.spawnLatency = latency;
            return this;
        }

        /**
         * The share of spawns that fail (retryable elsewhere), from 0 (default) to 1, drawn from
         * {@code random}, which the driver then owns.
         */
        public Builder failureRate(double rate, RandomGenerator random) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("failure rate must be between 0 and 1, got " + rate);
            }
            this.failureRate = rate;
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The clock of boot times and uptime; default the system's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public FakeDriver build() {
            for (String node : capacities.keySet()) {
                boolean named = hosts.stream().anyMatch(h -> nodesPerHost == 1 ? node.equals(h)
                        : node.startsWith(h + "-node"));
                if (!named) {
                    throw new IllegalArgumentException("a capacity is set for " + node + ", which is no fake node");
                }
            }
            return new FakeDriver(this);
        }
    }
}
