package dev.overcast.identity.catalog;

/** A catalog endpoint. */
public record EndpointRow(String id, String serviceId, String interfaceName, String url, String regionId,
                          boolean enabled, String extra) {
}
