package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.compute.placement.BusPlacementClient;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.scheduler.Capacity;
import dev.overcast.compute.scheduler.Flavor;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.HostStates;
import dev.overcast.compute.scheduler.NoValidHost;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.ScheduleResult;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.SchedulerSettings;
import dev.overcast.core.config.ConfigLoader;
import dev.overcast.testkit.ApiClient;

/**
 * The scheduler placing servers through the all-in-one's Placement, over its bus: providers
 * made with the REST API, candidates and claims over the bus, results read back over REST.
 */
class SchedulerOverBusTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static ApiClient placement;
    static final Map<String, HostState> states = new HashMap<>();

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                Map.of("port", 0, "data_dir", dir.toString(), "password_hash_rounds", 4, "admin_password", "pw")));
        var token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        placement = new ApiClient(overcast.url() + "/placement").withToken(token.header("X-Subject-Token"))
                .withHeader("OpenStack-API-Version", "placement 1.39");
        host("cn-small", null, 2);
        host("cn-large", null, 8);
        // A host whose vCPUs belong to a child provider (a NUMA node): its candidates are not simple.
        String nested = host("cn-nested", null, 0);
        host("cn-nested-numa0", nested, 4);
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    /** A provider with {@code vcpus} VCPU (none when 0) and 4 GiB; a compute node's host state when a root. */
    static String host(String name, String parent, int vcpus) {
        var body = new HashMap<String, Object>(Map.of("name", name));
        if (parent != null) {
            body.put("parent_provider_uuid", parent);
        }
        String uuid = placement.post("/resource_providers", body).json().get("uuid").asString();
        Map<String, Object> inventories = new HashMap<>();
        if (vcpus > 0) {
            inventories.put("VCPU", Map.of("total", vcpus));
        }
        if (parent == null) {
            inventories.put("MEMORY_MB", Map.of("total", 4096));
        }
        assertThat(placement.put("/resource_providers/" + uuid + "/inventories",
                Map.of("resource_provider_generation", 0, "inventories", inventories)).status()).isEqualTo(200);
        if (parent == null) {
            states.put(uuid, new HostState(name, name, uuid, new Capacity(Math.max(vcpus, 4), 0, 1.0),
                    new Capacity(4096, 0, 1.0), new Capacity(0, 0, 1.0), 0, null, null, "QEMU", 8_002_000, "x86_64",
                    List.of(), Map.of(), List.of(), 0));
        }
        return uuid;
    }

    static Scheduler scheduler() {
        HostStates hosts = new HostStates() {
            @Override
            public Map<String, HostState> byProviderUuid(Collection<String> uuids) {
                Map<String, HostState> out = new HashMap<>();
                uuids.forEach(u -> {
                    if (states.containsKey(u)) {
                        out.put(u, states.get(u));
                    }
                });
                return out;
            }

            @Override
            public List<HostState> nodesOf(String host) {
                return states.values().stream().filter(s -> s.host().equals(host)).toList();
            }

            @Override
            public List<Aggregate> aggregates() {
                return List.of();
            }
        };
        return new Scheduler(new BusPlacementClient(overcast.bus(), Duration.ofSeconds(10)), hosts,
                SchedulerSettings.defaults(), new SplittableRandom(1));
    }

    @Test
    void serversLandWhereThereIsRoomAndTheirClaimsAreInPlacement() {
        Flavor flavor = Flavor.of("m1.huge", 4, 1024, 0);
        List<String> instances = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        ScheduleResult result = scheduler().select(RequestSpec.of(flavor, "p1", instances.getFirst()), instances);

        assertThat(result).isInstanceOf(Scheduled.class);
        var placed = ((Scheduled) result).instances();
        assertThat(placed).hasSize(3);
        // 4 vCPUs fit twice on cn-large, once on the nested host's NUMA node, never on cn-small.
        assertThat(placed).extracting(s -> s.host().host().host())
                .containsExactlyInAnyOrder("cn-large", "cn-large", "cn-nested");
        for (var s : placed) {
            var allocations = placement.get("/allocations/" + s.instanceUuid()).json().get("allocations");
            long vcpus = 0;
            for (var provider : allocations.properties()) {
                vcpus += provider.getValue().at("/resources/VCPU").asLong(0);
            }
            assertThat(vcpus).isEqualTo(4);
        }
    }

    @Test
    void aRequestNothingCanHoldIsNoValidHostThatSaysWhatWasAsked() {
        String instance = UUID.randomUUID().toString();
        ScheduleResult result = scheduler().select(RequestSpec.of(Flavor.of("m1.giant", 64, 1024, 0), "p1", instance),
                List.of(instance));
        assertThat(result).isInstanceOf(NoValidHost.class);
        assertThat(((NoValidHost) result).message()).startsWith("No valid host was found.").contains("VCPU");
        assertThat(placement.get("/allocations/" + instance).json().get("allocations")).isEmpty();
    }
}
