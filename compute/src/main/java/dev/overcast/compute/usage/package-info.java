/**
 * Simple tenant usage ({@code /os-simple-tenant-usage}): hours, vCPU-, RAM- and disk-hours per
 * project over a window, from every cell's instances ({@link dev.overcast.compute.usage.Usage}).
 */
package dev.overcast.compute.usage;
