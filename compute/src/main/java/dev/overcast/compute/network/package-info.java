/**
 * Servers' networking through the Network service (Neutron's API): what a create asks for, the
 * ports a build creates and binds, the cached network info that {@code addresses} shows, and
 * interface attach and detach. Compute talks to Network only over its public HTTP API.
 */
package dev.overcast.compute.network;
