/**
 * Nova's small admin APIs: {@code /os-migrations} (the resizes and cold migrations of every
 * cell, with each microversion's query rules and fields), {@code /os-instance_usage_audit_log}
 * (no audit task runs, so every compute host is "not run"), and
 * {@code /os-server-external-events} (events from Neutron and Cinder, answered per event by
 * whether the server exists and has a host).
 */
package dev.overcast.compute.admin;
