package dev.overcast.compute.scheduler;

import java.util.Objects;

/**
 * No host can take the request (Nova's {@code NoValidHost}), with the explanation of why.
 *
 * @param explanation what removed the candidates
 */
public record NoValidHost(Explanation explanation) implements Decision, ScheduleResult {
    public NoValidHost {
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The explanation as one readable message. */
    public String message() {
        return explanation.message();
    }
}
