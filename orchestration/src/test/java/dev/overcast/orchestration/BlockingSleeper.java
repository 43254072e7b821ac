package dev.overcast.orchestration;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.overcast.orchestration.resources.Sleeper;

/**
 * A resource wait that holds until the test lets it go: the test learns when a resource is
 * waiting ({@link #awaitWaiting}), acts on the stack meanwhile, then {@link #release}s every
 * wait, past and future.
 */
public final class BlockingSleeper implements Sleeper {
    private final CountDownLatch waiting = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void sleep(Duration duration) {
        waiting.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a resource waits (at most 30 s: a test that never gets there fails). */
    public void awaitWaiting() throws InterruptedException {
        if (!waiting.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no resource started waiting within 30 s");
        }
    }

    /** Lets every wait go. */
    public void release() {
        release.countDown();
    }
}
