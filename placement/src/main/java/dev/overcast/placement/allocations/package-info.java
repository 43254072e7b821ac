/**
 * Allocations: what consumers (instances, migrations, ...) take from resource providers, and
 * the routes that read and change them — {@code /allocations}, a provider's allocations and
 * usages, {@code /usages} and {@code /reshaper}. Every change goes through
 * {@link dev.overcast.placement.allocations.ClaimTransaction}, which is also what the
 * scheduler calls in-process through {@link dev.overcast.placement.allocations.Claims}.
 */
package dev.overcast.placement.allocations;
