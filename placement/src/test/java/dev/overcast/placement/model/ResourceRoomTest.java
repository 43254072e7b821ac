package dev.overcast.placement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The packed room answers as {@link Provider#canAllocate} does, for every rule it packs. */
class ResourceRoomTest {
    private static final List<String> CLASSES = List.of("VCPU", "MEMORY_MB", "DISK_GB", "CUSTOM_GPU");

    @Test
    void fitsExactlyWhenTheProviderCanAllocateEveryAmount() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            Map<String, Inventory> inventories = new LinkedHashMap<>();
            Map<String, Long> used = new LinkedHashMap<>();
            for (String rc : CLASSES) {
                if (random.nextInt(4) == 0) {
                    continue; // no inventory of this class
                }
                long total = 1 + random.nextInt(64);
                long reserved = random.nextInt((int) total);
                long step = 1 + random.nextInt(4);
                long min = 1 + random.nextInt(3);
                long max = min + random.nextInt((int) total);
                inventories.put(rc, new Inventory(total, reserved, min, max, step, 0.5 + random.nextInt(8) / 2.0));
                if (random.nextBoolean()) {
                    used.put(rc, (long) random.nextInt((int) total * 2));
                }
            }
            Provider p = new Provider("p", "p", 1, null, "p", inventories, used, Set.of(), Set.of(), Instant.EPOCH,
                    Instant.EPOCH);
            int asked = 1 + random.nextInt(3);
            List<String> classes = CLASSES.subList(random.nextInt(CLASSES.size() - asked + 1), CLASSES.size())
                    .subList(0, asked);
            int[] numbers = new int[asked];
            long[] amounts = new long[asked];
            boolean expected = true;
            for (int i = 0; i < asked; i++) {
                numbers[i] = ResourceRoom.number(classes.get(i));
                amounts[i] = 1 + random.nextInt(40);
                expected &= p.canAllocate(classes.get(i), amounts[i]);
            }
            assertThat(ResourceRoom.fits(ResourceRoom.of(p), numbers, amounts))
                    .as("round %d: %s, asking %s %s", round, p, classes, java.util.Arrays.toString(amounts))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aClassKeepsItsNumber() {
        int n = ResourceRoom.number("CUSTOM_ROOM_TEST");
        assertThat(ResourceRoom.number(new String("CUSTOM_ROOM_TEST"))).isEqualTo(n);
        assertThat(ResourceRoom.number("CUSTOM_ROOM_TEST_2")).isNotEqualTo(n);
    }
}
