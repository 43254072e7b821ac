package dev.overcast.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a process (or a test server) must close when it stops, closed in reverse order. Anything
 * may be added from any thread, also while closing: background work that opens a database as
 * the process shuts down is closed too. Failures to close are ignored: it is the way out.
 */
public final class Closeables implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** Closes {@code c} with the others; returns it. */
    public <T extends AutoCloseable> T add(T c) {
        synchronized (open) {
            open.add(c);
        }
        return c;
    }

    @Override
    public void close() {
        while (true) {
            List<AutoCloseable> batch;
            synchronized (open) {
                if (open.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(open);
                open.clear();
            }
            for (AutoCloseable c : batch.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing on the way out; nothing more to do.
                }
            }
        }
    }

    /**
     * Stops {@code executor} gently: no new work, the running work may finish within {@code grace},
     * then it is interrupted. Interrupting work in the middle of a database write is what this avoids.
     */
    public static void stop(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
