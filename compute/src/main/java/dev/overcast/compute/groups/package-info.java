/**
 * Server groups ({@code /os-server-groups}): {@link dev.overcast.compute.groups.ServerGroupApi} and
 * {@link dev.overcast.compute.groups.ServerGroupStore}, which the conductor uses to add and remove
 * members and to give the scheduler a group with its members' hosts.
 */
package dev.overcast.compute.groups;
