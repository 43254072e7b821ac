package dev.overcast.orchestration.template.parameters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.Py;

/**
 * A template's parameters with their values bound and validated, as Heat's {@code Parameters}:
 * user values (the environment's {@code parameters}) win over {@code parameter_defaults}, which
 * win over the template's defaults; every value is checked against its type and constraints.
 */
public final class Parameters {

    private static final String HIDDEN = "******";

    private final Map<String, ParameterSchema> schemata;
    private final Map<String, Object> userValues;
    private final Map<String, Object> defaults;
    private final Map<String, Object> rawValues;
    private final Map<String, Object> values;
    private final Map<String, Object> pseudo;

    private Parameters(Map<String, ParameterSchema> schemata, Map<String, Object> userValues,
                       Map<String, Object> defaults, Map<String, Object> rawValues, Map<String, Object> values,
                       Map<String, Object> pseudo) {
        this.schemata = schemata;
        this.userValues = userValues;
        this.defaults = defaults;
        this.rawValues = rawValues;
        this.values = values;
        this.pseudo = pseudo;
    }

    /**
     * Binds and validates.
     *
     * @param schemata          the template's parameters, in template order
     * @param userValues        values the user gave (environment {@code parameters})
     * @param parameterDefaults environment {@code parameter_defaults} (unknown names ignored)
     * @param pseudo            the pseudo parameter values
     * @param lookup            custom constraint checks
     * @throws TemplateException UnknownUserParameter, UserParameterMissing, StackValidationFailed
     *                           ({@code Parameter 'x' is invalid: ...}) or InvalidSchemaError
     */
    public static Parameters bind(Map<String, ParameterSchema> schemata, Map<String, Object> userValues,
                                  Map<String, Object> parameterDefaults, PseudoParameters pseudo,
                                  CustomConstraintLookup lookup) {
        return bind(schemata, userValues, parameterDefaults, pseudo, lookup, true);
    }

    /**
     * As {@link #bind} for Heat's {@code template validate}: a parameter without a value is no
     * error (asking for its value is); the values given are still checked.
     */
    public static Parameters bindForValidation(Map<String, ParameterSchema> schemata, Map<String, Object> userValues,
                                               Map<String, Object> parameterDefaults, PseudoParameters pseudo,
                                               CustomConstraintLookup lookup) {
        return bind(schemata, userValues, parameterDefaults, pseudo, lookup, false);
    }

    private static Parameters bind(Map<String, ParameterSchema> schemata, Map<String, Object> userValues,
                                   Map<String, Object> parameterDefaults, PseudoParameters pseudo,
                                   CustomConstraintLookup lookup, boolean valuesRequired) {
        for (String name : userValues.keySet()) {
            if (!schemata.containsKey(name)) {
                throw new TemplateException(TemplateException.Type.UnknownUserParameter,
                        "The Parameter (" + name + ") was not defined in template.");
            }
        }
        ConstraintChecker checker = new ConstraintChecker(lookup);
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Object> coerced = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ParameterSchema schema : schemata.values()) {
            Object def = parameterDefaults.get(schema.name());
            if (def == null) {
                def = schema.defaultValue();
            }
            if (def != null) {
                defaults.put(schema.name(), def);
            }
            Object value = userValues.get(schema.name());
            if (value == null) {
                value = def;
            }
            if (value == null && !valuesRequired) {
                validate(schema, null, checker, false);
                continue;
            }
            validate(schema, value, checker, true);
            raw.put(schema.name(), value);
            coerced.put(schema.name(), ParameterValues.coerce(schema.type(), value));
        }
        Map<String, Object> given = new LinkedHashMap<>(userValues);
        given.values().removeIf(java.util.Objects::isNull);
        return new Parameters(Collections.unmodifiableMap(new LinkedHashMap<>(schemata)),
                Collections.unmodifiableMap(given), Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(raw),
                Collections.unmodifiableMap(coerced), pseudo.values());
    }

    private static void validate(ParameterSchema schema, Object value, ConstraintChecker checker, boolean withValue) {
        String prefix = "Parameter '" + schema.name() + "' is invalid: ";
        try {
            validateSchema(schema, checker);
        } catch (TemplateException e) {
            throw TemplateException.invalidSchema(prefix + e.getMessage());
        }
        if (!withValue) {
            return;
        }
        if (value == null) {
            throw TemplateException.parameterMissing(schema.name());
        }
        try {
            Object checked = ParameterValues.forValidation(schema.type(), value);
            for (Constraint c : schema.constraints()) {
                Optional<String> violation = checker.violation(c, checked, schema.type());
                if (violation.isPresent()) {
                    throw TemplateException.validation(prefix + violation.get());
                }
            }
        } catch (IllegalArgumentException e) {
            throw TemplateException.validation(prefix + e.getMessage());
        }
    }

    /** Heat's {@code Schema.validate}: constraints fit the type and the template default fits them. */
    private static void validateSchema(ParameterSchema schema, ConstraintChecker checker) {
        for (Constraint c : schema.constraints()) {
            if (!c.validTypes().contains(schema.type())) {
                throw TemplateException.invalidSchema(c.heatName() + " constraint invalid for " + schema.type().heatName());
            }
        }
        Object def = schema.defaultValue();
        if (def == null) {
            return;
        }
        Object checked = def;
        if (schema.type() == ParameterType.COMMA_DELIMITED_LIST) {
            if (!(def instanceof List<?>) && !(def instanceof String)) {
                throw TemplateException.invalidSchema("Default must be a comma-delimited list string: '"
                        + Py.shortTypeName(def) + "' object has no attribute 'split'");
            }
            checked = ParameterValues.commaList(def);
        }
        for (Constraint c : schema.constraints()) {
            if (c instanceof Constraint.Custom) {
                continue;
            }
            String error;
            try {
                error = checker.violation(c, checked, schema.type()).orElse(null);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            if (error != null) {
                throw TemplateException.invalidSchema("Invalid default " + Py.str(def) + " (" + error + ")");
            }
        }
    }

    /** @return whether a parameter (or pseudo parameter) of that name exists */
    public boolean has(String name) {
        return schemata.containsKey(name) || pseudo.containsKey(name);
    }

    /**
     * @return the value as functions see it: a String, Number, Boolean, List of String, or parsed JSON
     * @throws TemplateException UserParameterMissing when there is no such parameter
     */
    public Object value(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        throw TemplateException.parameterMissing(name);
    }

    /** @return the template's parameter schemata by name, in template order */
    public Map<String, ParameterSchema> schemata() {
        return schemata;
    }

    /** @return the values as given (user value, else default), by name, in template order */
    public Map<String, Object> rawValues() {
        return rawValues;
    }

    /**
     * @return every parameter, pseudo parameters first, as Heat shows them in a stack: text, with
     *         hidden ones masked
     */
    public Map<String, String> display() {
        Map<String, String> shown = new LinkedHashMap<>();
        pseudo.forEach((k, v) -> shown.put(k, Py.str(v)));
        schemata.forEach((name, schema) -> {
            if (values.containsKey(name)) {
                shown.put(name, schema.hidden() ? HIDDEN : text(schema, values.get(name)));
            }
        });
        return shown;
    }

    /**
     * @return the {@code Parameters} of Heat's {@code template validate} answer, keyed as Heat keys
     *         it ({@code Type}, {@code Description}, {@code NoEcho}, {@code Label}, {@code Default},
     *         {@code Value}, constraints as {@code MinLength}, {@code AllowedValues}, ...)
     */
    public Map<String, Map<String, Object>> validateView() {
        Map<String, Map<String, Object>> view = new LinkedHashMap<>();
        schemata.forEach((name, schema) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("Type", schema.type().heatName());
            p.put("Description", schema.description() == null ? "" : schema.description());
            p.put("NoEcho", schema.hidden() ? "true" : "false");
            p.put("Label", schema.label() == null ? name : schema.label());
            Object given = userValues.get(name);
            if (defaults.containsKey(name)) {
                p.put("Default", defaults.get(name));
            }
            if (Py.truthy(given)) {
                p.put("Value", given);
            }
            if (!schema.tags().isEmpty()) {
                p.put("Tags", schema.tags());
            }
            ConstraintView.describe(schema.constraints(), p);
            view.put(name, p);
        });
        return view;
    }

    private static String text(ParameterSchema schema, Object value) {
        return switch (schema.type()) {
            case COMMA_DELIMITED_LIST -> String.join(",", ((List<?>) value).stream().map(Py::str).toList());
            case JSON -> Py.jsonDumps(value, false);
            case BOOLEAN -> Py.str(value);
            default -> Py.str(value);
        };
    }

    /**
     * @return the names of immutable parameters whose value {@code newer} changes (Heat refuses
     *         such an update)
     */
    public List<String> immutableChanged(Parameters newer) {
        return newer.schemata.values().stream()
                .filter(s -> s.immutable() && values.containsKey(s.name()))
                .filter(s -> !Py.equal(values.get(s.name()), newer.values.get(s.name())))
                .map(ParameterSchema::name)
                .toList();
    }
}
