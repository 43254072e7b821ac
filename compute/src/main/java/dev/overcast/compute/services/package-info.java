/**
 * Compute services: the {@code services} table of each cell ({@link dev.overcast.compute.services.ServiceRecords},
 * with the service group's up/down rule), the {@code os-services} API
 * ({@link dev.overcast.compute.services.ServiceApi}), and host mappings
 * ({@link dev.overcast.compute.services.HostDiscovery}).
 */
package dev.overcast.compute.services;
