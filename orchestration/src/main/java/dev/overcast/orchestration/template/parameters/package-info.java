/**
 * Template parameters: schemas and constraints parsed from the {@code parameters} section, user
 * values bound and validated with Heat's messages, {@code parameter_groups} checked.
 */
package dev.overcast.orchestration.template.parameters;
