package dev.overcast.orchestration.template.parameters;

import java.util.Arrays;
import java.util.Optional;

/** The HOT parameter types, with the names Heat uses for them in messages. */
public enum ParameterType {
    STRING("string", "String"),
    NUMBER("number", "Number"),
    COMMA_DELIMITED_LIST("comma_delimited_list", "CommaDelimitedList"),
    JSON("json", "Json"),
    BOOLEAN("boolean", "Boolean");

    private final String hotName;
    private final String heatName;

    ParameterType(String hotName, String heatName) {
        this.hotName = hotName;
        this.heatName = heatName;
    }

    /** @return the name written in templates, e.g. {@code comma_delimited_list} */
    public String hotName() {
        return hotName;
    }

    /** @return Heat's internal name, shown in some messages, e.g. {@code CommaDelimitedList} */
    public String heatName() {
        return heatName;
    }

    /** @return the type a template names */
    public static Optional<ParameterType> fromHotName(Object name) {
        return Arrays.stream(values()).filter(t -> t.hotName.equals(name)).findFirst();
    }
}
