/**
 * Heat's software configs and deployments: the API ({@link dev.overcast.orchestration.software.api.SoftwareApi})
 * and the store it shares with the config resource types
 * ({@link dev.overcast.orchestration.software.SoftwareStore}).
 */
package dev.overcast.orchestration.software;
