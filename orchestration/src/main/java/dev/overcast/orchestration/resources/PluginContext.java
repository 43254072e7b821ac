package dev.overcast.orchestration.resources;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import dev.overcast.orchestration.stacks.StackRow;

/**
 * What a plugin may use besides its resource: time, waiting and randomness, all injected; the
 * stack it belongs to; and the services wired for plugins.
 *
 * @param clock    the clock
 * @param sleeper  how to wait
 * @param random   where random values come from
 * @param stack    the stack the resource belongs to (its name, project, user, parent)
 * @param services the other services' APIs and the engine's own, by interface
 * @param physicalIds where {@link #recordPhysicalId} goes
 */
public record PluginContext(Clock clock, Sleeper sleeper, RandomGenerator random, StackRow stack,
                            PluginServices services, Consumer<String> physicalIds) {

    /** A context whose {@link #recordPhysicalId} records nothing. */
    public PluginContext(Clock clock, Sleeper sleeper, RandomGenerator random, StackRow stack,
            PluginServices services) {
        this(clock, sleeper, random, stack, services, id -> { });
    }

    /**
     * Tells the engine the resource's physical id as soon as it exists, before the create step
     * returns (a server that is still building): an engine that dies meanwhile leaves a row
     * that says what to delete. A create that records its id must take over what an earlier run
     * made (the engine runs it again rather than replacing it).
     */
    public void recordPhysicalId(String id) {
        physicalIds.accept(id);
    }

    /** This context, handing physical ids recorded early to {@code recorder}. */
    public PluginContext recording(Consumer<String> recorder) {
        return new PluginContext(clock, sleeper, random, stack, services, recorder);
    }

    /** The stack's name (for physical resource names). */
    public String stackName() {
        return stack.name();
    }

    /** Heat's physical resource name: {@code <stack>-<resource>-<12 random characters>}. */
    public String physicalName(String resourceName) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return stack.name() + "-" + resourceName + "-" + suffix;
    }
}
