package dev.overcast.compute.scheduler;

/** What the {@link Scheduler} did with a request: every instance claimed on a host, or none. */
public sealed interface ScheduleResult permits Scheduled, NoValidHost {
}
