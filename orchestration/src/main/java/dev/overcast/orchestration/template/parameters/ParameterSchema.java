package dev.overcast.orchestration.template.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.Py;

/**
 * One parameter of a template's {@code parameters} section.
 *
 * @param name         the parameter name
 * @param type         its type
 * @param description  its description, or null
 * @param defaultValue its default as written, or null
 * @param hidden       whether the value must be masked in output
 * @param label        its label, or null
 * @param immutable    whether an update may not change it
 * @param tags         its tags
 * @param constraints  its constraints, in template order
 */
public record ParameterSchema(String name, ParameterType type, String description, Object defaultValue,
                              boolean hidden, String label, boolean immutable, List<String> tags,
                              List<Constraint> constraints) {

    /**
     * Parses one parameter definition with Heat's checks and messages
     * ({@code HOTParamSchema.from_dict}).
     *
     * @throws TemplateException InvalidSchemaError
     */
    public static ParameterSchema parse(String name, Object definition, TemplateVersion version) {
        Map<?, ?> def = checkDict(definition, version.parameterKeys(), "parameter (" + name + ")");
        if (!def.containsKey("type")) {
            throw TemplateException.invalidSchema("Missing parameter type for parameter: " + name);
        }
        Object tags = def.containsKey("tags") ? def.get("tags") : List.of();
        if (!(tags instanceof List<?> tagList)) {
            throw TemplateException.invalidSchema("Tags property should be a list for parameter: " + name);
        }
        List<Constraint> constraints = constraints(name, def.get("constraints"), version);
        ParameterType type = ParameterType.fromHotName(def.get("type"))
                .orElseThrow(() -> TemplateException.invalidSchema("Invalid type (" + Py.str(def.get("type")) + ")"));
        return new ParameterSchema(name, type, text(def.get("description")), def.get("default"),
                Py.truthy(def.get("hidden")), text(def.get("label")), Py.truthy(def.get("immutable")),
                tagList.stream().map(Py::str).toList(), List.copyOf(constraints));
    }

    /** @return this schema with another default (from {@code parameter_defaults}) */
    public ParameterSchema withDefault(Object newDefault) {
        return new ParameterSchema(name, type, description, newDefault, hidden, label, immutable, tags, constraints);
    }

    private static String text(Object value) {
        return value == null ? null : Py.str(value);
    }

    private static Map<?, ?> checkDict(Object value, List<String> allowed, String entity) {
        if (!(value instanceof Map<?, ?> map)) {
            throw TemplateException.invalidSchema("Invalid " + entity + ", expected a mapping");
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw TemplateException.invalidSchema("Invalid key '" + key + "' for " + entity);
            }
        }
        return map;
    }

    private static List<Constraint> constraints(String name, Object value, TemplateVersion version) {
        List<Constraint> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw TemplateException.invalidSchema("Invalid parameter constraints for parameter " + name
                    + ", expected a list");
        }
        List<String> keys = List.of("description", "length", "range", "modulo", "allowed_values", "allowed_pattern",
                "custom_constraint");
        for (Object item : list) {
            Map<?, ?> c = checkDict(item, keys, "parameter constraints");
            // Every version accepts the key; only 2017-02-24 and later understand it.
            if (version.hasModuloConstraint() && c.containsKey("modulo")) {
                out.add(modulo(checkDict(c.get("modulo"), List.of("step", "offset"), "modulo constraint"),
                        text(c.get("description"))));
            } else {
                out.add(constraint(c));
            }
        }
        return out;
    }

    private static Constraint constraint(Map<?, ?> c) {
        String desc = text(c.get("description"));
        if (c.containsKey("range")) {
            Map<?, ?> def = checkDict(c.get("range"), List.of("min", "max"), "range constraint");
            Number min = number(def.get("min"), "min/max must be numeric");
            Number max = number(def.get("max"), "min/max must be numeric");
            if (min == null && max == null) {
                throw TemplateException.invalidSchema(
                        "A range constraint must have a min value and/or a max value specified.");
            }
            return new Constraint.Range(min, max, desc);
        }
        if (c.containsKey("length")) {
            Map<?, ?> def = checkDict(c.get("length"), List.of("min", "max"), "length constraint");
            Number min = number(def.get("min"), "min/max length must be integral");
            Number max = number(def.get("max"), "min/max length must be integral");
            if (min == null && max == null) {
                throw TemplateException.invalidSchema(
                        "A length constraint must have a min value and/or a max value specified.");
            }
            return new Constraint.Length(integral(min), integral(max), desc);
        }
        if (c.containsKey("allowed_values")) {
            if (!(c.get("allowed_values") instanceof List<?> allowed)) {
                throw TemplateException.invalidSchema("AllowedValues must be a list");
            }
            return new Constraint.AllowedValues(new ArrayList<>(allowed), desc);
        }
        if (c.containsKey("allowed_pattern")) {
            if (!(c.get("allowed_pattern") instanceof String pattern)) {
                throw TemplateException.invalidSchema("AllowedPattern must be a string");
            }
            try {
                return new Constraint.AllowedPattern(pattern, Pattern.compile(pattern), desc);
            } catch (PatternSyntaxException e) {
                throw TemplateException.invalidSchema("Invalid allowed_pattern \"" + pattern + "\": "
                        + e.getDescription());
            }
        }
        if (c.containsKey("custom_constraint")) {
            return new Constraint.Custom(Py.str(c.get("custom_constraint")), desc);
        }
        throw TemplateException.invalidSchema("No constraint expressed");
    }

    private static Constraint modulo(Map<?, ?> def, String desc) {
        Number step = number(def.get("step"), "step/offset must be numeric");
        Number offset = number(def.get("offset"), "step/offset must be numeric");
        if (step == null || offset == null) {
            throw TemplateException.invalidSchema(
                    "A modulo constraint must have a step value and an offset value specified.");
        }
        if (step.doubleValue() != Math.rint(step.doubleValue()) || offset.doubleValue() != Math.rint(offset.doubleValue())) {
            throw TemplateException.invalidSchema("step/offset must be integer");
        }
        long s = step.longValue();
        long o = offset.longValue();
        if (s == 0) {
            throw TemplateException.invalidSchema("step cannot be 0.");
        }
        if (Math.abs(o) >= Math.abs(s)) {
            throw TemplateException.invalidSchema("offset must be smaller (by absolute value) than step.");
        }
        if (s * o < 0) {
            throw TemplateException.invalidSchema("step and offset must be both positive or both negative.");
        }
        return new Constraint.Modulo(s, o, desc);
    }

    /** Heat's {@code get_num}: strings that read as numbers become numbers. */
    private static Number number(Object value, String error) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            throw TemplateException.invalidSchema(error);
        }
        try {
            return Py.toNumber(value);
        } catch (IllegalArgumentException e) {
            throw TemplateException.invalidSchema(error);
        }
    }

    private static Integer integral(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof Double || n.longValue() > Integer.MAX_VALUE || n.longValue() < Integer.MIN_VALUE) {
            throw TemplateException.invalidSchema("min/max length must be integral");
        }
        return n.intValue();
    }
}
