/**
 * Host aggregates ({@code /os-aggregates}): {@link dev.overcast.compute.aggregates.AggregateApi} for
 * admins, {@link dev.overcast.compute.aggregates.AggregateStore} for the API and, cached, the scheduler,
 * and the mirror of aggregate membership in Placement
 * ({@link dev.overcast.compute.aggregates.PlacementAggregateSync}).
 */
package dev.overcast.compute.aggregates;
