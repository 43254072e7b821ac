/** Orchestration: the Heat v1 service. */
package dev.overcast.orchestration;
