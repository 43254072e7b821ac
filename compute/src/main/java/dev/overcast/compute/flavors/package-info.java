/**
 * Flavors: the {@code /flavors} API with extra specs and access lists, the store the servers
 * code reads flavors from ({@link dev.overcast.compute.flavors.FlavorStore}), the view a server
 * embeds ({@link dev.overcast.compute.flavors.FlavorViews#embedded}) and DevStack's default
 * flavors ({@link dev.overcast.compute.flavors.Flavors#bootstrapDefaults}).
 */
package dev.overcast.compute.flavors;
