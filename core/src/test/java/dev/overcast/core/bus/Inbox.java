package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test handler received, read with bounded waits. */
final class Inbox<T> {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final LinkedBlockingQueue<T> received = new LinkedBlockingQueue<>();

    void add(T item) {
        received.add(item);
    }

    /** The next item, failing the test when none arrives in {@link #PATIENCE}. */
    T next() throws InterruptedException {
        T item = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(item).as("something should have arrived within %s", PATIENCE).isNotNull();
        return item;
    }

    /** The next {@code count} items. */
    List<T> next(int count) throws InterruptedException {
        var items = new ArrayList<T>();
        for (int i = 0; i < count; i++) {
            items.add(next());
        }
        return items;
    }

    /** Asserts nothing more arrives for a short while; the delivery would have taken microseconds. */
    void assertNothingMoreArrives() throws InterruptedException {
        assertThat(received.poll(150, TimeUnit.MILLISECONDS)).as("nothing more should arrive").isNull();
    }
}
