/**
 * Availability zones ({@code /os-availability-zone}): not stored anywhere, but derived from every
 * cell's services and the zones of their hosts' aggregates ({@link dev.overcast.compute.zones.Zones}).
 */
package dev.overcast.compute.zones;
