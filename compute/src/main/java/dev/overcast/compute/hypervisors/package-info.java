/**
 * Compute nodes: the {@code compute_nodes} table of each cell
 * ({@link dev.overcast.compute.hypervisors.ComputeNodes}) and the {@code os-hypervisors} API
 * ({@link dev.overcast.compute.hypervisors.HypervisorApi}).
 */
package dev.overcast.compute.hypervisors;
