package dev.overcast.orchestration.resources;

/** The types of resource properties and attributes, named as Heat's resource schema shows them. */
public enum PropertyType {
    STRING("String"), INTEGER("Integer"), NUMBER("Number"), BOOLEAN("Boolean"), MAP("Map"), LIST("List"),
    /** Any value (OS::Heat::Value's {@code value}); Heat shows it as its {@code Any} type. */
    ANY("Any");

    private final String heatName;

    PropertyType(String heatName) {
        this.heatName = heatName;
    }

    /** @return the name Heat's schema shows, e.g. {@code String} */
    public String heatName() {
        return heatName;
    }
}
