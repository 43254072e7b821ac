package dev.overcast.orchestration.nested;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityTest {

    @ParameterizedTest(name = "{1} {2} from {0} within [{4}, {5}] (min step {3}) is {6}")
    @CsvSource({
            "2, change_in_capacity, 1, 0, 1, 5, 3",
            "2, change_in_capacity, -5, 0, 1, 5, 1",
            "4, change_in_capacity, 3, 0, 1, 5, 5",
            "2, exact_capacity, 4, 0, 1, 5, 4",
            "2, exact_capacity, 9, 0, 1, 5, 5",
            "3, percent_change_in_capacity, 10, 0, 0, 10, 4",
            "3, percent_change_in_capacity, -10, 0, 0, 10, 2",
            "10, percent_change_in_capacity, 25, 0, 0, 20, 12",
            "10, percent_change_in_capacity, -25, 0, 0, 20, 8",
            "10, percent_change_in_capacity, 10, 3, 0, 20, 13",
            "10, percent_change_in_capacity, -10, 3, 0, 20, 7",
    })
    void theNextCapacityFollowsHeatsRules(int current, String type, double adjustment, int minStep, int min, int max,
            int expected) {
        assertThat(Capacity.next(current, type, adjustment, minStep, min, max)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aResizeKeepsTheNewestMembersAndAddsFreshOnes(long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        AtomicInteger counter = new AtomicInteger();
        for (int step = 0; step < 20; step++) {
            int capacity = random.nextInt(8);
            List<String> after = Capacity.resized(names, capacity, () -> "m" + counter.incrementAndGet());
            assertThat(after).hasSize(capacity).doesNotHaveDuplicates();
            int kept = Math.min(names.size(), capacity);
            assertThat(after.subList(0, kept)).isEqualTo(names.subList(names.size() - kept, names.size()));
            names = after;
        }
    }

    @ParameterizedTest(name = "current {0}")
    @ValueSource(ints = {0, 1, 3, 6, 9})
    void anUpdateWithoutADesiredCapacityKeepsTheSizeWithinTheBounds(int current) {
        assertThat(Capacity.afterUpdate(current, null, 1, 6)).isEqualTo(Math.max(1, Math.min(6, current)));
        assertThat(Capacity.afterUpdate(current, 4, 1, 6)).isEqualTo(4);
    }

    @ParameterizedTest(name = "batch {0}, min in service {1}, size {2}: {3}")
    @CsvSource({"1, 0, 5, 1", "3, 0, 5, 3", "3, 4, 5, 1", "5, 2, 5, 3", "2, 9, 3, 1", "4, 0, 2, 2"})
    void aRollingBatchKeepsTheMinimumInService(int max, int minInService, int size, int expected) {
        assertThat(Capacity.batchSize(max, minInService, size)).isEqualTo(expected);
    }
}
