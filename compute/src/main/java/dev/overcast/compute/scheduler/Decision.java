package dev.overcast.compute.scheduler;

/** What the pure decision says of one request: the hosts to try, best first, or why there are none. */
public sealed interface Decision permits Selected, NoValidHost {
}
