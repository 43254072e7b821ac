package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for the records the scheduler reads, with plain defaults so a test names only what it is about. */
final class TestHosts {
    private TestHosts() {
    }

    /** A 16-vCPU, 32 GiB, 500 GiB QEMU x86_64 host named {@code name}, idle, service up. */
    static Builder host(String name) {
        return new Builder(name);
    }

    /** A request for one m1.small (1 vCPU, 512 MiB, 1 GiB) by project {@code p1}. */
    static RequestSpec request() {
        return RequestSpec.of(Flavor.of("m1.small", 1, 512, 1), "p1", "instance-1");
    }

    /** A request whose flavor has these extra specs. */
    static RequestSpec requestWithExtraSpecs(Map<String, String> specs) {
        RequestSpec r = request();
        return r.withFlavor(r.flavor().withExtraSpecs(specs));
    }

    /** A candidate for the host, taking the request's resources from its root provider. */
    static Candidate candidate(HostState host, RequestSpec request) {
        return new Candidate(host.uuid(), Map.of(host.uuid(), Prefilters.resources(request)));
    }

    /** Candidates for the hosts, in order. */
    static List<Candidate> candidates(List<HostState> hosts, RequestSpec request) {
        List<Candidate> out = new ArrayList<>();
        for (HostState h : hosts) {
            out.add(candidate(h, request));
        }
        return out;
    }

    /** The hosts by uuid. */
    static Map<String, HostState> byUuid(List<HostState> hosts) {
        Map<String, HostState> out = new HashMap<>();
        for (HostState h : hosts) {
            out.put(h.uuid(), h);
        }
        return out;
    }

    /** An aggregate with this metadata. */
    static Aggregate aggregate(String name, Map<String, String> metadata) {
        return new Aggregate(name.hashCode(), "agg-" + name, name, metadata);
    }

    static final class Builder {
        private final String name;
        private String node;
        private Capacity vcpus = new Capacity(16, 0, 1.0);
        private Capacity ram = new Capacity(32768, 0, 1.0);
        private Capacity disk = new Capacity(500, 0, 1.0);
        private int ioOps;
        private final Set<String> instances = new LinkedHashSet<>();
        private Service service = Service.UP;
        private String hvType = "QEMU";
        private long hvVersion = 8_002_000;
        private String arch = "x86_64";
        private List<SupportedInstance> supported = List.of(new SupportedInstance("x86_64", "qemu", "hvm"));
        private final Map<String, String> capabilities = new HashMap<>();
        private final List<Aggregate> aggregates = new ArrayList<>();
        private int failedBuilds;

        private Builder(String name) {
            this.name = name;
        }

        Builder node(String n) { node = n; return this; }
        Builder vcpus(long total, long used) { vcpus = new Capacity(total, used, 1.0); return this; }
        Builder vcpus(long total, long used, double ratio) { vcpus = new Capacity(total, used, ratio); return this; }
        Builder ram(long total, long used) { ram = new Capacity(total, used, 1.0); return this; }
        Builder disk(long total, long used) { disk = new Capacity(total, used, 1.0); return this; }
        Builder ioOps(int n) { ioOps = n; return this; }
        Builder instances(String... uuids) { instances.addAll(List.of(uuids)); return this; }
        Builder instanceCount(int n) {
            for (int i = 0; i < n; i++) {
                instances.add(name + "-vm-" + i);
            }
            return this;
        }
        Builder service(Service s) { service = s; return this; }
        Builder hypervisor(String type, long version) { hvType = type; hvVersion = version; return this; }
        Builder arch(String a) { arch = a; return this; }
        Builder supports(SupportedInstance... s) { supported = List.of(s); return this; }
        Builder capability(String key, String value) { capabilities.put(key, value); return this; }
        Builder aggregate(Aggregate a) { aggregates.add(a); return this; }
        Builder failedBuilds(int n) { failedBuilds = n; return this; }

        HostState build() {
            String nodeName = node == null ? name : node;
            return new HostState(name, nodeName, "uuid-" + nodeName, vcpus, ram, disk, ioOps, instances, service,
                    hvType, hvVersion, arch, supported, capabilities, aggregates, failedBuilds);
        }
    }
}
