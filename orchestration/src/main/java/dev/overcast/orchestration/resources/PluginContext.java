package dev.overcast.orchestration.resources;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What a plugin may use besides its resource: time, waiting and randomness, all injected.
 *
 * @param clock     the clock
 * @param sleeper   how to wait
 * @param random    where random values come from
 * @param stackName the stack's name (for physical resource names)
 */
public record PluginContext(Clock clock, Sleeper sleeper, RandomGenerator random, String stackName) {

    /** Heat's physical resource name: {@code <stack>-<resource>-<12 random characters>}. */
    public String physicalName(String resourceName) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return stackName + "-" + resourceName + "-" + suffix;
    }
}
