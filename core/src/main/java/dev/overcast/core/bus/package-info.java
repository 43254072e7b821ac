/**
 * The message bus between Overcast's roles: RPC {@code call}, {@code cast}, {@code fanout} and
 * versioned notifications, all carried as JSON.
 *
 * <p>{@link dev.overcast.core.bus.Bus} is the one interface; {@link dev.overcast.core.bus.InProcessBus}
 * serves the all-in-one shape and most tests, and {@link dev.overcast.core.bus.RabbitBus} serves
 * roles split across processes. Code that sends or listens never knows which one it has; the
 * tests hold both to one contract.
 *
 * <p>The vocabulary is oslo.messaging's, so that Nova's habits carry over: a {@link
 * dev.overcast.core.bus.Target} names a topic and optionally a server; a {@link
 * dev.overcast.core.bus.Method} names a method and the message {@link dev.overcast.core.bus.Version};
 * a listener registers a {@link dev.overcast.core.bus.Dispatcher} of typed handlers. Rolling
 * upgrades work as with Nova's {@code [upgrade_levels]}: the sender's target is pinned to the
 * oldest version every listener understands, and listeners refuse what they cannot read.
 */
package dev.overcast.core.bus;
