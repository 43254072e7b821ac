/**
 * Quotas as Nova's counting driver keeps them: limits per project, user and quota class in the
 * API database, usage counted from the cells and build requests, the {@code /os-quota-sets},
 * {@code /os-quota-class-sets} and {@code /limits} APIs, and the check the servers code makes
 * before it builds ({@link dev.overcast.compute.quotas.QuotaEnforcer}).
 */
package dev.overcast.compute.quotas;
