/**
 * The HOT template layer: parsing, versions, intrinsic functions, parameters, conditions,
 * outputs, resource definitions, environments and the dependency graph. Pure code: no HTTP,
 * no database, no bus. Start at {@link dev.overcast.orchestration.template.Template}.
 */
package dev.overcast.orchestration.template;
