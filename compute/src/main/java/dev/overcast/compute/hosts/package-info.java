/**
 * {@code /os-hosts} (deprecated in Nova from 2.43, where every route answers 404): the hosts of
 * every cell's services with their zones, a compute host's resource usage from its nodes and
 * instances, enabling and disabling its compute service, and the maintenance and power actions
 * Overcast's drivers cannot do (501, as Nova answers for a driver without them).
 */
package dev.overcast.compute.hosts;
