/** Compute: the Nova v2.1 API, cells v2, the conductor, the scheduler and the compute agent. */
package dev.overcast.compute;
