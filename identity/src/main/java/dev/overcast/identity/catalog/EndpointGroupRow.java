package dev.overcast.identity.catalog;

/** An OS-EP-FILTER endpoint group; {@code filters} is the JSON object of service_id, region_id, interface. */
public record EndpointGroupRow(String id, String name, String description, String filters) {
}
