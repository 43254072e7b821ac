/**
 * Key pairs: the {@code /os-keypairs} API (import, and generation before 2.92) and the store
 * the servers code reads a server's key from ({@link dev.overcast.compute.keypairs.KeyPairStore}).
 */
package dev.overcast.compute.keypairs;
