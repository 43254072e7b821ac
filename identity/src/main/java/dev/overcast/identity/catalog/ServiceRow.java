package dev.overcast.identity.catalog;

/** A catalog service; its name and description live in {@code extra}, as in Keystone. */
public record ServiceRow(String id, String type, boolean enabled, String extra) {
}
