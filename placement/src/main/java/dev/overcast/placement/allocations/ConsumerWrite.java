package dev.overcast.placement.allocations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one consumer's allocations should become: a PUT, one entry of a POST or a reshape, or
 * an in-process claim. The consumer's previous allocations are replaced as a whole.
 *
 * @param consumer     the consumer uuid
 * @param projectId    the consumer's project; null only when {@code allocations} is empty
 * @param userId       the consumer's user; null only when {@code allocations} is empty
 * @param consumerType the consumer type (1.38), or null to leave it as it is (new consumers get none)
 * @param expected     what the writer believes the consumer's generation is
 * @param allocations  provider uuid → resource class → amount, in the writer's order; empty
 *                     removes every allocation of the consumer
 */
record ConsumerWrite(String consumer, String projectId, String userId, String consumerType,
                     ExpectedGeneration expected, Map<String, Map<String, Long>> allocations) {

    ConsumerWrite {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        allocations.forEach((provider, resources) ->
                copy.put(provider, Collections.unmodifiableMap(new LinkedHashMap<>(resources))));
        allocations = Collections.unmodifiableMap(copy);
    }

    /** A write that removes every allocation of {@code consumer}, whatever its generation. */
    static ConsumerWrite release(String consumer) {
        return new ConsumerWrite(consumer, null, null, null, ExpectedGeneration.UNCHECKED, Map.of());
    }

    boolean releasesAll() {
        return allocations.isEmpty();
    }
}
