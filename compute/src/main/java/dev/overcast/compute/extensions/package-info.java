/**
 * {@code /extensions}: the fixed list of extension records Nova's v2.1 API still answers for
 * clients written against the v2 extension mechanism, which microversions replaced.
 */
package dev.overcast.compute.extensions;
