/**
 * The scheduler's host states read from the cells' services, compute nodes and instances:
 * {@link dev.overcast.compute.hoststate.CellHostStates}.
 */
package dev.overcast.compute.hoststate;
