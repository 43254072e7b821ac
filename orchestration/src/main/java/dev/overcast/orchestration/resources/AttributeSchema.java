package dev.overcast.orchestration.resources;

/**
 * One attribute of a resource type.
 *
 * @param description what it holds
 * @param type        its type, or null when Heat leaves it untyped
 */
public record AttributeSchema(String description, PropertyType type) {
}
