/**
 * The compute agent: Nova's nova-compute for the hosts a {@link dev.overcast.compute.virt.VirtDriver}
 * drives. {@link dev.overcast.compute.agent.ComputeAgent} registers the hosts' services and nodes
 * in its cell, reports the nodes to Placement and serves {@link dev.overcast.compute.agent.AgentRpc}
 * on the bus; the conductor and the API call it through {@link dev.overcast.compute.agent.AgentClient}.
 * {@link dev.overcast.compute.agent.Inventories} says what a node is to Placement.
 */
package dev.overcast.compute.agent;
