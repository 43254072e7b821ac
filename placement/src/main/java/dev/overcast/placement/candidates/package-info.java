/**
 * Allocation candidates ({@code GET /allocation_candidates}) and the provider list with filters
 * ({@code GET /resource_providers}): a pure query parser, a pure engine over the in-memory
 * provider index, and the HTTP handlers that render the engine's result per microversion.
 */
package dev.overcast.placement.candidates;
