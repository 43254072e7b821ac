package dev.overcast.orchestration.resources;

import java.time.Duration;

/** Waits, so that tests can make a resource's waits instant. */
@FunctionalInterface
public interface Sleeper {
    /** Really waits. */
    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailure("InterruptedError", "interrupted while waiting");
        }
    };

    void sleep(Duration duration);
}
