/**
 * The Compute scheduler: Nova's filter scheduler rewritten as a pure core and a small driver.
 *
 * <p>The flow for one request is the one Nova has: {@link dev.overcast.compute.scheduler.Prefilters}
 * turn a {@link dev.overcast.compute.scheduler.RequestSpec} into a
 * {@link dev.overcast.compute.scheduler.PlacementQuery}; Placement answers with allocation
 * {@link dev.overcast.compute.scheduler.Candidate candidates}; {@link dev.overcast.compute.scheduler.Decider}
 * filters and weighs the candidates' {@link dev.overcast.compute.scheduler.HostState host states} and returns a
 * {@link dev.overcast.compute.scheduler.Decision}; the {@link dev.overcast.compute.scheduler.Scheduler} driver
 * claims the chosen host in Placement. Everything but the driver is pure: no I/O, no threads, randomness injected.
 */
package dev.overcast.compute.scheduler;
