package dev.overcast.core.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumers of one in-process queue, dealt messages in turn as a broker deals them among the
 * consumers of one AMQP queue. Reads see an immutable snapshot, so delivery never locks.
 */
final class ConsumerQueue<T> {
    private final AtomicInteger turn = new AtomicInteger();
    private volatile List<T> consumers = List.of();

    synchronized void add(T consumer) {
        var copy = new ArrayList<>(consumers);
        copy.add(consumer);
        consumers = List.copyOf(copy);
    }

    synchronized void remove(T consumer) {
        var copy = new ArrayList<>(consumers);
        copy.remove(consumer);
        consumers = List.copyOf(copy);
    }

    /** The consumer whose turn it is, or {@code null} when there is none. */
    T next() {
        List<T> now = consumers;
        return now.isEmpty() ? null : now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
    }

    List<T> all() {
        return consumers;
    }

    boolean isEmpty() {
        return consumers.isEmpty();
    }
}
