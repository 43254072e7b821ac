package dev.overcast.placement.allocations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.placement.allocations.CapacityCheck.Ask;
import dev.overcast.placement.model.Inventory;

class CapacityCheckTest {
    static final Inventory EIGHT_CPUS = new Inventory(8, 0, 1, 8, 1, 1.0);
    static final Inventory DISK = new Inventory(100, 10, 10, 50, 10, 2.0);

    @Test
    void whatFitsPasses() {
        var refusal = CapacityCheck.check(List.of(new Ask("a", "VCPU", 8)), Map.of("a", Map.of("VCPU", EIGHT_CPUS)),
                Map.of());
        assertThat(refusal).isEmpty();
    }

    @Test
    void usedPlusAskedMayNotPassCapacity() {
        var inventories = Map.of("a", Map.of("VCPU", EIGHT_CPUS));
        assertThat(CapacityCheck.check(List.of(new Ask("a", "VCPU", 3)), inventories, Map.of("a", Map.of("VCPU", 5L))))
                .isEmpty();
        assertThat(CapacityCheck.check(List.of(new Ask("a", "VCPU", 4)), inventories, Map.of("a", Map.of("VCPU", 5L))))
                .contains(new Refusal.CapacityExceeded("VCPU", "a"));
    }

    @Test
    void asksOfOneProviderInOneRequestAddUp() {
        var inventories = Map.of("a", Map.of("VCPU", EIGHT_CPUS));
        assertThat(CapacityCheck.check(List.of(new Ask("a", "VCPU", 5), new Ask("a", "VCPU", 4)), inventories, Map.of()))
                .contains(new Refusal.CapacityExceeded("VCPU", "a"));
    }

    @Test
    void capacityCountsReservedAndTheRatio() {
        var inventories = Map.of("d", Map.of("DISK_GB", DISK));
        assertThat(CapacityCheck.check(List.of(new Ask("d", "DISK_GB", 50)), inventories,
                Map.of("d", Map.of("DISK_GB", 130L)))).isEmpty();
        assertThat(CapacityCheck.check(List.of(new Ask("d", "DISK_GB", 50)), inventories,
                Map.of("d", Map.of("DISK_GB", 140L)))).contains(new Refusal.CapacityExceeded("DISK_GB", "d"));
    }

    @Test
    void unitsAreCheckedBeforeCapacity() {
        var inventories = Map.of("d", Map.of("DISK_GB", DISK));
        for (long amount : new long[] {5, 60, 15}) {
            assertThat(CapacityCheck.check(List.of(new Ask("d", "DISK_GB", amount)), inventories,
                    Map.of("d", Map.of("DISK_GB", 1000L)))).as("amount " + amount)
                    .contains(new Refusal.UnitsViolated("DISK_GB", "d"));
        }
    }

    @Test
    void aProviderWithNoInventoryOfAnyClassAskedIsNamedWithAllTheClasses() {
        var inventories = Map.of("a", Map.of("VCPU", EIGHT_CPUS), "b", Map.<String, Inventory>of());
        var refusal = CapacityCheck.check(List.of(new Ask("a", "VCPU", 1), new Ask("b", "DISK_GB", 1)),
                inventories, Map.of());
        assertThat(refusal).contains(new Refusal.NoInventory("VCPU, DISK_GB", "b"));
        assertThat(refusal.orElseThrow().message()).isEqualTo("Inventory for 'VCPU, DISK_GB' on resource provider 'b' invalid.");
    }

    @Test
    void aProviderMissingOneOfTheClassesIsNamedWithThatClass() {
        var inventories = Map.of("a", Map.of("VCPU", EIGHT_CPUS));
        assertThat(CapacityCheck.check(List.of(new Ask("a", "VCPU", 1), new Ask("a", "DISK_GB", 10)), inventories,
                Map.of())).contains(new Refusal.NoInventory("DISK_GB", "a"));
    }

    @Test
    void amountsTooLargeToAddAreMoreThanAnyCapacity() {
        var inventories = Map.of("a", Map.of("VCPU", new Inventory(2147483647L, 0, 1, Long.MAX_VALUE, 1, 16.0)));
        assertThat(CapacityCheck.check(List.of(new Ask("a", "VCPU", Long.MAX_VALUE - 1), new Ask("a", "VCPU", 5)),
                inventories, Map.of())).contains(new Refusal.CapacityExceeded("VCPU", "a"));
        assertThat(CapacityCheck.saturatingAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(CapacityCheck.saturatingAdd(2, 3)).isEqualTo(5);
    }
}
