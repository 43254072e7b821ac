package dev.overcast.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples heap use every few milliseconds on a daemon thread; the peak is what {@link #stop} returns. */
final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapPeak start() {
        HeapPeak h = new HeapPeak();
        h.thread = Thread.ofPlatform().daemon().start(() -> {
            while (h.running) {
                h.peak.accumulateAndGet(h.memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return h;
    }

    /** Stops sampling; the peak heap use seen, in bytes. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return peak.get();
    }
}
