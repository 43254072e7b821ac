package dev.overcast.placement.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.RemoteError;
import dev.overcast.core.bus.Target;
import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.rpc.PlacementRpc.DeleteProviderArgs;
import dev.overcast.placement.rpc.PlacementRpc.EnsureProviderArgs;
import dev.overcast.placement.rpc.PlacementRpc.InventoryArgs;
import dev.overcast.placement.rpc.PlacementRpc.ProviderReply;
import dev.overcast.placement.rpc.PlacementRpc.ProviderReport;
import dev.overcast.placement.rpc.PlacementRpc.SetInventoryArgs;
import dev.overcast.placement.rpc.PlacementRpc.SetTraitsArgs;
import dev.overcast.placement.rpc.PlacementRpc.SyncProvidersArgs;
import dev.overcast.placement.rpc.PlacementRpc.SyncProvidersReply;
import dev.overcast.testkit.ApiClient;

/** The provider reports of Placement's bus API, checked through the REST API. */
class ProviderRpcTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final Target PLACEMENT = Target.of("placement");
    static InProcessBus bus;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        bus = new InProcessBus(Clock.systemUTC());
        server.service().serveRpc(bus, "placement-1");
        admin = server.admin("1.39");
    }

    @AfterAll
    static void stop() {
        bus.close();
    }

    static <R> R call(String method, Object args, Class<R> type) {
        return bus.call(PLACEMENT, Method.of(method, "1.1"), args, type, Duration.ofSeconds(10));
    }

    static Map<String, InventoryArgs> node(long vcpus, long ramMb) {
        return Map.of("VCPU", new InventoryArgs(vcpus, null, null, null, null, 4.0),
                "MEMORY_MB", new InventoryArgs(ramMb, 512L, null, null, null, 1.0));
    }

    @Test
    void ensuringAProviderTwiceCreatesItOnce() {
        String uuid = UUID.randomUUID().toString();
        ProviderReply first = call("ensure_provider", new EnsureProviderArgs(uuid, "cn-" + uuid, null),
                ProviderReply.class);
        ProviderReply second = call("ensure_provider", new EnsureProviderArgs(uuid, "cn-" + uuid, null),
                ProviderReply.class);

        assertThat(first).isEqualTo(new ProviderReply(uuid, 0));
        assertThat(second).isEqualTo(first);
        assertThat(admin.get("/resource_providers/" + uuid).json().get("name").asString()).isEqualTo("cn-" + uuid);
    }

    @Test
    void aNameTakenByAnotherProviderIsRefusedAndNotRetryable() {
        String name = "taken-" + UUID.randomUUID();
        call("ensure_provider", new EnsureProviderArgs(UUID.randomUUID().toString(), name, null), ProviderReply.class);

        assertThatThrownBy(() -> call("ensure_provider", new EnsureProviderArgs(UUID.randomUUID().toString(), name,
                null), ProviderReply.class))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.remoteMessage()).contains("placement.duplicate_name", name);
                });
    }

    @Test
    void inventoriesSetOverTheBusReadBackOverRestWithTheirDefaults() {
        String uuid = ensure();
        ProviderReply reply = call("set_inventory", new SetInventoryArgs(uuid, 0L, node(8, 16384)),
                ProviderReply.class);

        assertThat(reply.generation()).isEqualTo(1);
        var inventories = admin.get("/resource_providers/" + uuid + "/inventories").json();
        assertThat(inventories.at("/inventories/VCPU/allocation_ratio").asDouble()).isEqualTo(4.0);
        assertThat(inventories.at("/inventories/VCPU/max_unit").asLong()).isEqualTo(2147483647L);
        assertThat(inventories.at("/inventories/MEMORY_MB/reserved").asLong()).isEqualTo(512);
        assertThat(inventories.at("/resource_provider_generation").asLong()).isEqualTo(1);
    }

    @Test
    void aStaleGenerationIsARetryableConflictAndNoGenerationWritesAnyway() {
        String uuid = ensure();
        call("set_inventory", new SetInventoryArgs(uuid, 0L, node(8, 16384)), ProviderReply.class);

        assertThatThrownBy(() -> call("set_inventory", new SetInventoryArgs(uuid, 0L, node(4, 8192)),
                ProviderReply.class))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.remoteMessage()).contains("placement.concurrent_update");
                });
        ProviderReply owner = call("set_inventory", new SetInventoryArgs(uuid, null, node(4, 8192)),
                ProviderReply.class);
        assertThat(owner.generation()).isEqualTo(2);
        assertThat(admin.get("/resource_providers/" + uuid + "/inventories").json()
                .at("/inventories/VCPU/total").asLong()).isEqualTo(4);
    }

    @Test
    void inventoriesTheRestApiWouldRefuseAreRefusedAlike() {
        String uuid = ensure();
        var zero = Map.of("VCPU", new InventoryArgs(0, null, null, null, null, null));
        var reservedAboveTotal = Map.of("VCPU", new InventoryArgs(4, 8L, null, null, null, null));
        var unknownClass = Map.of("NOT_A_CLASS", new InventoryArgs(4, null, null, null, null, null));

        assertThatThrownBy(() -> call("set_inventory", new SetInventoryArgs(uuid, null, zero), ProviderReply.class))
                .hasMessageContaining("total");
        assertThatThrownBy(() -> call("set_inventory", new SetInventoryArgs(uuid, null, reservedAboveTotal),
                ProviderReply.class)).hasMessageContaining("The reserved value is greater than total");
        assertThatThrownBy(() -> call("set_inventory", new SetInventoryArgs(uuid, null, unknownClass),
                ProviderReply.class)).hasMessageContaining("Unknown resource class");
        assertThat(admin.get("/resource_providers/" + uuid).json().get("generation").asLong()).isZero();
    }

    @Test
    void traitsAreReplacedAndUnknownTraitsRefused() {
        String uuid = ensure();
        call("set_traits", new SetTraitsArgs(uuid, null, Set.of("COMPUTE_STATUS_DISABLED", "HW_CPU_X86_AVX")),
                ProviderReply.class);

        assertThat(admin.get("/resource_providers/" + uuid + "/traits").json().get("traits"))
                .extracting(t -> t.asString()).containsExactly("COMPUTE_STATUS_DISABLED", "HW_CPU_X86_AVX");
        assertThatThrownBy(() -> call("set_traits", new SetTraitsArgs(uuid, null, Set.of("CUSTOM_NOPE")),
                ProviderReply.class)).hasMessageContaining("No such trait CUSTOM_NOPE");
    }

    @Test
    void deletingIsIdempotentButRefusedWhileSomethingIsAllocated() {
        String uuid = ensure();
        call("set_inventory", new SetInventoryArgs(uuid, null, node(8, 16384)), ProviderReply.class);
        String consumer = UUID.randomUUID().toString();
        call("claim", new PlacementRpc.ClaimArgs(consumer, "p1", "u1", "INSTANCE",
                Map.of(uuid, Map.of("VCPU", 1L))), PlacementRpc.ClaimReply.class);

        assertThatThrownBy(() -> call("delete_provider", new DeleteProviderArgs(uuid), Void.class))
                .hasMessageContaining("Resource provider has allocations");

        call("release", new PlacementRpc.ReleaseArgs(consumer), Void.class);
        call("delete_provider", new DeleteProviderArgs(uuid), Void.class);
        call("delete_provider", new DeleteProviderArgs(uuid), Void.class);
        assertThat(admin.get("/resource_providers/" + uuid).status()).isEqualTo(404);
    }

    @Test
    void aSyncCreatesWhatIsMissingWritesWhatDiffersAndLeavesTheRestAlone() {
        List<ProviderReport> reports = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String uuid = UUID.randomUUID().toString();
            uuids.add(uuid);
            reports.add(new ProviderReport(uuid, "sync-" + uuid, node(8, 16384), Set.of("COMPUTE_NET_ATTACH_INTERFACE"),
                    Set.of("COMPUTE_STATUS_DISABLED")));
        }
        SyncProvidersReply first = call("sync_providers", new SyncProvidersArgs(reports), SyncProvidersReply.class);
        SyncProvidersReply again = call("sync_providers", new SyncProvidersArgs(reports), SyncProvidersReply.class);

        assertThat(first.results()).hasSize(20).allSatisfy(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.generation()).isEqualTo(2);
        });
        assertThat(again.results()).extracting(PlacementRpc.SyncResult::generation).containsOnly(2L);
        var traits = admin.get("/resource_providers/" + uuids.getFirst() + "/traits").json();
        assertThat(traits.get("traits")).extracting(t -> t.asString()).containsExactly("COMPUTE_NET_ATTACH_INTERFACE");
    }

    @Test
    void aSyncKeepsTraitsItDoesNotManageAndCanLeaveInventoriesAlone() {
        String uuid = ensure();
        call("set_traits", new SetTraitsArgs(uuid, null, Set.of("HW_CPU_X86_AVX")), ProviderReply.class);
        var disable = new ProviderReport(uuid, null, null, Set.of("COMPUTE_STATUS_DISABLED"), Set.of());

        SyncProvidersReply reply = call("sync_providers", new SyncProvidersArgs(List.of(disable)),
                SyncProvidersReply.class);

        assertThat(reply.results().getFirst().error()).isNull();
        assertThat(admin.get("/resource_providers/" + uuid + "/traits").json().get("traits"))
                .extracting(t -> t.asString()).containsExactly("COMPUTE_STATUS_DISABLED", "HW_CPU_X86_AVX");
    }

    @Test
    void aSyncAnswersForEachProviderSoOneRefusalLeavesTheOthersDone() {
        String missing = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        var reports = List.of(
                new ProviderReport(missing, null, node(1, 1024), Set.of(), Set.of()),
                new ProviderReport("not-a-uuid", "x", node(1, 1024), Set.of(), Set.of()),
                new ProviderReport(fine, "fine-" + fine, node(1, 1024), Set.of(), Set.of()));

        SyncProvidersReply reply = call("sync_providers", new SyncProvidersArgs(reports), SyncProvidersReply.class);

        assertThat(reply.results().get(0).error()).contains("No resource provider with uuid " + missing);
        assertThat(reply.results().get(1).error()).contains("uuid");
        assertThat(reply.results().get(2).error()).isNull();
        assertThat(admin.get("/resource_providers/" + fine).status()).isEqualTo(200);
        assertThat(admin.get("/resource_providers/" + missing).status()).isEqualTo(404);
    }

    @Test
    void newProvidersAreCreatedTogetherUnlessOneIsRefusedThenEachOnItsOwn() {
        String taken = "taken-" + UUID.randomUUID();
        call("ensure_provider", new EnsureProviderArgs(UUID.randomUUID().toString(), taken, null), ProviderReply.class);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        var reports = List.of(
                new ProviderReport(a, "new-" + a, node(2, 2048), Set.of("COMPUTE_NODE"), Set.of()),
                new ProviderReport(UUID.randomUUID().toString(), taken, node(2, 2048), Set.of(), Set.of()),
                new ProviderReport(b, "new-" + b, null, Set.of(), Set.of()));

        SyncProvidersReply reply = call("sync_providers", new SyncProvidersArgs(reports), SyncProvidersReply.class);

        assertThat(reply.results().get(0).generation()).isEqualTo(2);
        assertThat(reply.results().get(1).error()).contains("placement.duplicate_name", taken);
        assertThat(reply.results().get(1).retryable()).isFalse();
        assertThat(reply.results().get(2).generation()).isZero();
        assertThat(admin.get("/resource_providers/" + a + "/inventories").json()
                .at("/inventories/VCPU/total").asLong()).isEqualTo(2);
        assertThat(admin.get("/resource_providers/" + b).json().get("generation").asLong()).isZero();
    }

    static String ensure() {
        String uuid = UUID.randomUUID().toString();
        call("ensure_provider", new EnsureProviderArgs(uuid, "rpc-" + uuid, null), ProviderReply.class);
        return uuid;
    }
}
