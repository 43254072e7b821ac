package dev.overcast.network.ports;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Queues this process's port writes per network before they take a database connection.
 *
 * <p>Port writes on one network serialize anyway: each takes the network's row lock, and the
 * allocator the subnet's. Without this queue, 200 concurrent creates (a burst of server boots)
 * would each take a pooled connection and then wait on the row lock while holding it, so the pool
 * runs dry and the requests behind them time out waiting for a connection. Queued here, a
 * request holds no connection while it waits. This is only about throughput: the row locks, not
 * this queue, keep two processes sharing one database correct. Locks are striped (a fixed number
 * shared by hash) so memory does not grow with the number of networks, and fair, so a burst is
 * served in arrival order.
 */
final class NetworkQueue {
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    NetworkQueue() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T run(String networkId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(networkId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
