package dev.overcast.core.bus;

import java.time.Clock;

/** {@link InProcessBus} keeps the bus contract; it has no behaviour of its own to test. */
class InProcessBusTest extends BusContract {
    @Override
    Bus newBus(Clock clock) {
        return new InProcessBus(clock);
    }
}
