package dev.overcast.orchestration.template.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Constraints as Heat's {@code template validate} answer lists them. */
final class ConstraintView {

    private ConstraintView() {
    }

    static void describe(List<Constraint> constraints, Map<String, Object> into) {
        List<String> descriptions = new ArrayList<>();
        for (Constraint c : constraints) {
            switch (c) {
                case Constraint.Length l -> {
                    putIfSet(into, "MinLength", l.min());
                    putIfSet(into, "MaxLength", l.max());
                }
                case Constraint.Range r -> {
                    putIfSet(into, "MinValue", r.min());
                    putIfSet(into, "MaxValue", r.max());
                }
                case Constraint.Modulo m -> {
                    into.put("Step", m.step());
                    into.put("Offset", m.offset());
                }
                case Constraint.AllowedValues a -> into.put("AllowedValues", a.allowed());
                case Constraint.AllowedPattern p -> into.put("AllowedPattern", p.pattern());
                case Constraint.Custom cc -> into.put("CustomConstraint", cc.name());
            }
            if (c.description() != null && !c.description().isEmpty()) {
                descriptions.add(c.description());
            }
        }
        if (!descriptions.isEmpty()) {
            into.put("ConstraintDescription", String.join(" ", descriptions));
        }
    }

    private static void putIfSet(Map<String, Object> into, String key, Object value) {
        if (value != null) {
            into.put(key, value);
        }
    }
}
