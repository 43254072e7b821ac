package dev.overcast.identity.role;

/** A role as stored; {@code domainId} is {@link #GLOBAL} for a global role. */
public record RoleRow(String id, String name, String domainId, String description, String options, String extra) {
    public static final String GLOBAL = "<<null>>";

    public boolean isGlobal() {
        return GLOBAL.equals(domainId);
    }
}
