/** Placement: resource providers and what is allocated from them, under {@code /placement}. */
package dev.overcast.placement;
