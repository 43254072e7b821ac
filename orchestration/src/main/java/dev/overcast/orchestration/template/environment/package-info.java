/**
 * Environments: parsing the {@code parameters}, {@code parameter_defaults} and
 * {@code resource_registry} sections, merging several environments in order, and resolving a
 * resource type through the registry (aliases, globs, template resources, per-resource entries).
 */
package dev.overcast.orchestration.template.environment;
